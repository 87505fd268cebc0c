import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { FormError } from '../../../../components/FieldErrors';
import { formatDate } from '../../../../format';
import { ActionStatus } from '../form/ActionStatus';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import { factsOf } from './useAgreement';

type Version = components['schemas']['AgreementVersionDto'];

/**
 * A party's authorised representative signs the version being signed: the signature is on its
 * SHA-256, so what is signed is exactly the text shown to them.
 */
export function SignAgreement({ view, version, userId, onDone }: { view: CaseView; version: Version; userId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const facts = factsOf(version);
  const mine = facts.parties.filter((p) => p.representativeUserId === userId && !facts.signedPartyIds.includes(p.partyId));
  if (mine.length === 0) return null;

  const sign = async (partyId: string, name: string) => {
    const result = await run(() => api.POST('/api/cases/{id}/agreement/signatures', { params: { path: { id: view.id } }, body: { sha256: version.sha256, partyId } }));
    if (result) onDone(t('actions.agreement.signed', { party: name, signed: result.signed, of: result.of }));
  };

  return (
    <div role="group" aria-labelledby="sign-title">
      <h3 id="sign-title">{t('actions.agreement.signTitle', { version: version.version })}</h3>
      <p>{t('actions.agreement.signIntro', { sha256: version.sha256, signBy: formatDate(version.signBy) })}</p>
      <details>
        <summary>{t('actions.agreement.readText')}</summary>
        <p className="action-text">{facts.text}</p>
      </details>
      <FormError error={error} />
      <div className="action-buttons">
        {mine.map((p) => (
          <button key={p.partyId} type="button" disabled={busy} onClick={() => void sign(p.partyId, p.name)}>
            {t('actions.agreement.sign', { party: p.name })}
          </button>
        ))}
      </div>
      <ActionStatus message={busy ? t('actions.busy') : null} />
    </div>
  );
}

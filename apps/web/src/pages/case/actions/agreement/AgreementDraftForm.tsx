import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { formatDate } from '../../../../format';
import { TextAreaField, TextField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { Policy } from '../../usePolicyVersion';
import type { CaseView } from '../who';
import { agreementBody, initialDraft, type AgreementDraftState } from './agreementDraft';
import { EarmarksField } from './EarmarksField';
import { PartiesField } from './PartiesField';
import type { AgreementFacts } from './useAgreement';
import { SubmitRow } from '../form/SubmitRow';

type User = components['schemas']['UserSummaryDto'];

/**
 * The account manager drafts a version of the partnership agreement (during the dialogue: an
 * amendment). Each version is frozen by its SHA-256; a new one voids the signatures on the previous.
 */
export function AgreementDraftForm({ view, policy, users, latest, amendment, onDone }: { view: CaseView; policy: Policy; users: User[]; latest: AgreementFacts | null; amendment: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AgreementDraftState>(() => initialDraft(view, policy.dialogueCadenceMonths, latest));
  const { busy, error, run } = useAction();
  const set = <K extends keyof AgreementDraftState>(key: K, value: AgreementDraftState[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = agreementBody(draft);
    const result = await run(() => api.POST('/api/cases/{id}/agreement/versions', { params: { path: { id: view.id } }, body }));
    if (result) onDone(t('actions.agreement.drafted', { version: result.version, signBy: formatDate(result.signBy) }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="agreement-draft-title">
      <h3 id="agreement-draft-title">{t(amendment ? 'actions.agreement.amendTitle' : 'actions.agreement.draftTitle')}</h3>
      {latest ? <p className="action-hint">{t('actions.agreement.voids')}</p> : null}
      <PartiesField rows={draft.parties} users={users} onChange={(rows) => set('parties', rows)} error={error} />
      <EarmarksField rows={draft.earmarks} policy={policy} onChange={(rows) => set('earmarks', rows)} error={error} />
      <TextField id="agreement-term" inputMode="numeric" size={4} label={t('actions.agreement.termYears')} field="termYears" error={error} value={draft.termYears} onChange={(e) => set('termYears', e.target.value)} />
      <TextField id="agreement-cadence" inputMode="numeric" size={4} label={t('actions.agreement.cadence')} field="dialogueCadenceMonths" error={error} value={draft.dialogueCadenceMonths} onChange={(e) => set('dialogueCadenceMonths', e.target.value)} />
      <TextAreaField id="agreement-text" label={t('actions.agreement.text')} hint={t('actions.agreement.textHint')} field="text" error={error} rows={8} value={draft.text} onChange={(e) => set('text', e.target.value)} />
      <SubmitRow label={t(amendment ? 'actions.agreement.amend' : 'actions.agreement.draft')} error={error} busy={busy} />
    </form>
  );
}

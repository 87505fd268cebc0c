import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { AsyncState } from '../../../../components/AsyncState';
import { Disclosure } from '../form/Disclosure';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';
import { usePolicy } from '../../usePolicyVersion';
import type { CaseView, May } from '../who';
import { AgreementDraftForm } from './AgreementDraftForm';
import { SignAgreement } from './SignAgreement';
import { factsOf, useAgreement } from './useAgreement';

/**
 * Step 6, the partnership agreement: the account manager drafts versions (amendments during the
 * dialogue); each party's authorised representative signs the version being signed.
 */
export function AgreementActions({ view, may, userId, onDone }: { view: CaseView; may: May; userId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const agreement = useAgreement(view.id);
  const amendment = view.stage === 'structured_dialogue';

  return (
    <section aria-labelledby="agreement-actions-title" className="action-section">
      <h2 id="agreement-actions-title">{t('actions.agreement.title')}</h2>
      <AsyncState loading={agreement.loading} error={agreement.error}>
        {agreement.signing ? <SignAgreement view={view} version={agreement.signing} userId={userId} onDone={onDone} /> : null}
        {may.draftAgreement ? (
          <Disclosure key={agreement.latest?.id ?? 'first'} open={!agreement.latest} label={t(amendment ? 'actions.agreement.amendTitle' : 'actions.agreement.newVersion')}>
            <DraftWithReferenceData view={view} latest={agreement.latest ? factsOf(agreement.latest) : null} amendment={amendment} onDone={onDone} />
          </Disclosure>
        ) : null}
      </AsyncState>
    </section>
  );
}

/** The draft form once the policy (instruments, cadence) and the users (representatives) are in. */
function DraftWithReferenceData(props: { view: CaseView; latest: ReturnType<typeof factsOf> | null; amendment: boolean; onDone: (message: string) => void }) {
  const { policy, error: policyError, loading: policyLoading } = usePolicy(props.view.policyVersion);
  const users = useApiQuery(queryKeys.users(), () => api.GET('/api/users'));
  return (
    <AsyncState loading={policyLoading || users.pending} error={policyError ?? users.error}>
      {policy && users.data ? <AgreementDraftForm {...props} policy={policy} users={users.data} /> : null}
    </AsyncState>
  );
}

import { useTranslation } from 'react-i18next';
import type { CaseView } from '../who';
import { DecisionProposalForm } from './DecisionProposalForm';

/**
 * Step 4 for the account manager (or whoever a proposal was sent back to): the proposal form while
 * a proposal is due; otherwise the proposal waits on an approver.
 */
export function DecisionActions({ view, proposalDue, onDone }: { view: CaseView; proposalDue: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decision-actions-title" className="action-section">
      <h2 id="decision-actions-title">{t('actions.decision.title')}</h2>
      {proposalDue ? <DecisionProposalForm view={view} onDone={onDone} /> : <p>{t('actions.decision.awaitingApproval')}</p>}
    </section>
  );
}

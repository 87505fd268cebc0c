import { useTranslation } from 'react-i18next';
import { AsyncState } from '../../../../components/AsyncState';
import { hasOpenTask, type CaseView, type May } from '../who';
import { AssessmentForm } from './AssessmentForm';
import { AssessorsTable } from './AssessorsTable';
import { AssignAssessorsForm } from './AssignAssessorsForm';
import { ConclusionForm } from './ConclusionForm';
import { ConflictDeclarationForm } from './ConflictDeclarationForm';
import { useAssessmentOverview } from './useAssessmentOverview';
import { useCaseHandlers } from './useCaseHandlers';

/**
 * Step 2, quality assessment. The account manager assigns assessors and concludes; an assigned
 * assessor declares on a conflict of interest, then assesses. Shown only to those two (other case
 * handlers see nothing, not even while the assignments load, unless a task says they assess).
 */
export function AssessmentActions({ view, may, userId, onDone }: { view: CaseView; may: May; userId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const overview = useAssessmentOverview(view.id);
  const mine = overview.assignments.find((a) => a.assessorId === userId);
  const steward = Boolean(may.assignAssessors || may.concludeAssessment);
  const expected = steward || mine !== undefined || hasOpenTask(view, 'assessment', userId);
  if (!expected) return null;


  return (
    <section aria-labelledby="assessment-actions-title" className="action-section">
      <h2 id="assessment-actions-title">{t('actions.assessment.title')}</h2>
      <AsyncState loading={overview.loading} error={overview.error}>
        {steward ? (
          <AccountManagerForms view={view} overview={overview} onDone={onDone} />
        ) : mine?.status === 'assigned' ? (
          <ConflictDeclarationForm view={view} onDone={onDone} />
        ) : mine?.status === 'cleared' ? (
          <AssessmentForm view={view} onDone={onDone} />
        ) : (
          <p>{t(mine ? `actions.assessment.yours.${mine.status}` : 'actions.assessment.notAssigned')}</p>
        )}
      </AsyncState>
    </section>
  );
}

function AccountManagerForms({ view, overview, onDone }: { view: CaseView; overview: ReturnType<typeof useAssessmentOverview>; onDone: (message: string) => void }) {
  const { handlers, error, loading } = useCaseHandlers();
  return (
    <AsyncState loading={loading} error={error}>
      <AssessorsTable assignments={overview.assignments} handlers={handlers ?? []} submittedCount={overview.submittedCount} requiredCount={overview.requiredCount} />
      <AssignAssessorsForm view={view} handlers={handlers ?? []} assignments={overview.assignments} onDone={onDone} />
      <ConclusionForm view={view} onDone={onDone} />
    </AsyncState>
  );
}

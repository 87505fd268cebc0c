import { useTranslation } from 'react-i18next';
import { AsyncState } from '../../../../components/AsyncState';
import { usePolicy } from '../../usePolicyVersion';
import type { CaseView, May } from '../who';
import { EvaluationForm } from './EvaluationForm';
import { EvidenceForm } from './EvidenceForm';
import { PlanTrajectoryForm } from './PlanTrajectoryForm';
import { useTrajectory } from './useTrajectory';

/**
 * Step 5, the test trajectory: the account manager plans it; the cluster or the account manager
 * records the evidence per milestone; the account manager evaluates.
 */
export function TrajectoryActions({ view, may, onDone }: { view: CaseView; may: May; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const trajectory = useTrajectory(view.id);
  const { policy, error: policyError, loading: policyLoading } = usePolicy(view.policyVersion);
  const planned = trajectory.milestones.length > 0;

  return (
    <section aria-labelledby="trajectory-actions-title" className="action-section">
      <h2 id="trajectory-actions-title">{t('actions.trajectory.title')}</h2>
      <AsyncState loading={trajectory.loading || policyLoading} error={trajectory.error ?? policyError}>
        {!planned ? (
          may.planTrajectory && policy ? <PlanTrajectoryForm view={view} policy={policy} onDone={onDone} /> : <p>{t('actions.trajectory.notPlanned')}</p>
        ) : (
          <>
            <h3>{t('actions.trajectory.evidenceTitle')}</h3>
            {trajectory.milestones.every((m) => m.met) ? <p>{t('actions.trajectory.allMet')}</p> : null}
            {trajectory.milestones.map((m, i) => (m.met ? null : <EvidenceForm key={m.id} view={view} milestone={m} n={i + 1} onDone={onDone} />))}
            {may.concludeTrajectory ? <EvaluationForm view={view} milestones={trajectory.milestones} onDone={onDone} /> : null}
          </>
        )}
      </AsyncState>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { FormError } from '../../../../components/FieldErrors';
import { formatCents, formatDate } from '../../../../format';
import { ActionStatus } from '../form/ActionStatus';
import { TextAreaField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import type { TrajectoryMilestone } from './useTrajectory';

/** The evidence that one milestone is met (final once recorded). */
export function EvidenceForm({ view, milestone, n, onDone }: { view: CaseView; milestone: TrajectoryMilestone; n: number; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [evidence, setEvidence] = useState('');
  const { busy, error, run } = useAction();
  const id = `evidence-${milestone.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(() => api.POST('/api/cases/{id}/trajectory/milestones/{milestoneId}/evidence', { params: { path: { id: view.id, milestoneId: milestone.id } }, body: { evidence } }));
    if (result) onDone(t('actions.trajectory.evidenceRecorded', { n }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="action-item" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {t('actions.trajectory.milestoneN', { n })}: {milestone.action}
      </h4>
      <p className="action-hint">{t('actions.trajectory.milestoneFacts', { instrument: milestone.instrumentCode, amount: formatCents(milestone.amountForeseenCents), due: formatDate(milestone.dueAt) })}</p>
      <TextAreaField id={id} label={t('actions.trajectory.evidence', { n })} field="evidence" error={error} rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('actions.trajectory.recordEvidence', { n })}
      </button>
      <ActionStatus message={busy ? t('actions.busy') : null} />
    </form>
  );
}

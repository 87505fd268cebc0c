import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { ChoiceGroup } from '../form/ChoiceGroup';
import { TextAreaField, TextField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import type { TrajectoryMilestone } from './useTrajectory';
import { SubmitRow } from '../form/SubmitRow';

type Evaluation = components['schemas']['EvaluationDto'];
type Outcome = Evaluation['outcome'];
const OUTCOMES: Outcome[] = ['proceed', 'extend', 'stop'];

/** The account manager evaluates: proceed to the agreement, extend (new due dates) or stop. */
export function EvaluationForm({ view, milestones, onDone }: { view: CaseView; milestones: TrajectoryMilestone[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [evaluation, setEvaluation] = useState('');
  const [dueDates, setDueDates] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const open = milestones.filter((m) => !m.met);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const newDueDates = outcome === 'extend' ? open.filter((m) => dueDates[m.id]).map((m) => ({ milestoneId: m.id, dueDate: dueDates[m.id] })) : undefined;
    // Without a choice the outcome goes as null, and the API names the field.
    const body: Evaluation = { outcome: (outcome || null) as Outcome, evaluation, ...(newDueDates ? { newDueDates } : {}) };
    const result = await run(() => api.POST('/api/cases/{id}/trajectory/evaluation', { params: { path: { id: view.id } }, body }));
    if (result) onDone('approvalId' in result ? t('actions.proposedForApproval') : t(`actions.trajectory.evaluated.${result.outcome}`));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="evaluation-title">
      <h3 id="evaluation-title">{t('actions.trajectory.evaluationTitle')}</h3>
      <ChoiceGroup id="evaluation-outcome" legend={t('actions.trajectory.outcome')} field="outcome" error={error} value={outcome} onChange={(v) => setOutcome(v as Outcome)} choices={OUTCOMES.map((o) => ({ value: o, label: t(`actions.trajectory.outcomes.${o}`) }))} />
      <TextAreaField id="evaluation-text" label={t('actions.trajectory.evaluation')} field="evaluation" error={error} value={evaluation} onChange={(e) => setEvaluation(e.target.value)} />
      {outcome === 'extend'
        ? open.map((m) => {
            const i = open.filter((x) => dueDates[x.id]).findIndex((x) => x.id === m.id);
            return (
              <TextField key={m.id} id={`evaluation-due-${m.id}`} type="date" label={t('actions.trajectory.newDueDate', { action: m.action })} field={`newDueDates.${i}`} error={i < 0 ? null : error} value={dueDates[m.id] ?? ''} onChange={(e) => setDueDates((d) => ({ ...d, [m.id]: e.target.value }))} />
            );
          })
        : null}
      <SubmitRow label={t('actions.trajectory.evaluate')} error={error} busy={busy} />
    </form>
  );
}

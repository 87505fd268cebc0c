import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { formatDate } from '../../../../format';
import { TextAreaField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import type { DialogueCycle } from './useDialogue';
import { SubmitRow } from '../form/SubmitRow';

/** The cluster's progress report for one dialogue cycle (final once submitted). */
export function ReportForm({ view, cycle, onDone }: { view: CaseView; cycle: DialogueCycle; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [milestoneProgress, setMilestoneProgress] = useState('');
  const [portfolioProgress, setPortfolioProgress] = useState('');
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(() => api.POST('/api/cases/{id}/dialogue/cycles/{cycle}/report', { params: { path: { id: view.id, cycle: cycle.cycle } }, body: { milestoneProgress, portfolioProgress } }));
    if (result) onDone(t('actions.dialogue.reported', { cycle: cycle.cycle }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="report-title">
      <h3 id="report-title">{t('actions.dialogue.reportTitle', { cycle: cycle.cycle })}</h3>
      {cycle.dueAt ? <p className="action-hint">{t('actions.dialogue.reportDue', { due: formatDate(cycle.dueAt) })}</p> : null}
      <TextAreaField id="report-milestones" label={t('actions.dialogue.milestoneProgress')} field="milestoneProgress" error={error} value={milestoneProgress} onChange={(e) => setMilestoneProgress(e.target.value)} />
      <TextAreaField id="report-portfolio" label={t('actions.dialogue.portfolioProgress')} field="portfolioProgress" error={error} value={portfolioProgress} onChange={(e) => setPortfolioProgress(e.target.value)} />
      <SubmitRow label={t('actions.dialogue.report')} error={error} busy={busy} />
    </form>
  );
}

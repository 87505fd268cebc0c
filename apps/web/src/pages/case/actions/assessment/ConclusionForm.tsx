import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { ChoiceGroup } from '../form/ChoiceGroup';
import { TextAreaField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import { SubmitRow } from '../form/SubmitRow';

type Conclusion = components['schemas']['ConclusionDto'];
type Outcome = Conclusion['outcome'];
const OUTCOMES: Outcome[] = ['proceed', 'revise', 'reject'];

/**
 * The account manager concludes on the assessments: proceed to the councils' advice, send back
 * for revision (with remarks for the cluster) or reject (with the reason). The API refuses with
 * its reason until enough independent assessments are in.
 */
export function ConclusionForm({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [remarks, setRemarks] = useState('');
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // Without a choice the outcome goes as null, and the API names the field.
    const body: Conclusion = { outcome: (outcome || null) as Outcome, remarks };
    const result = await run(() => api.POST('/api/cases/{id}/assessment/conclusion', { params: { path: { id: view.id } }, body }));
    if (result) onDone('approvalId' in result ? t('actions.proposedForApproval') : t(`actions.conclusion.done.${result.outcome}`));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="conclusion-title">
      <h3 id="conclusion-title">{t('actions.conclusion.title')}</h3>
      <ChoiceGroup id="conclusion-outcome" legend={t('actions.conclusion.outcome')} field="outcome" error={error} value={outcome} onChange={(v) => setOutcome(v as Outcome)} choices={OUTCOMES.map((o) => ({ value: o, label: t(`actions.conclusion.outcomes.${o}`) }))} />
      <TextAreaField id="conclusion-remarks" label={t('actions.conclusion.remarks')} hint={t('actions.conclusion.remarksHint')} field="remarks" error={error} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
      <SubmitRow label={t('actions.conclusion.submit')} error={error} busy={busy} />
    </form>
  );
}

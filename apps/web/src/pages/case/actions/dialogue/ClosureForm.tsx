import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { formatCents } from '../../../../format';
import { TextAreaField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import { SubmitRow } from '../form/SubmitRow';

/**
 * The account manager closes the case with the final report (at the end of the term, or early with
 * the reason). Closing is final: unreleased earmarks go back, and the case only stays readable.
 */
export function ClosureForm({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [explanation, setExplanation] = useState('');
  const [finalReport, setFinalReport] = useState('');
  const [sure, setSure] = useState(false);
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!sure) return;
    const result = await run(() => api.POST('/api/cases/{id}/closure', { params: { path: { id: view.id } }, body: { explanation, finalReport } }));
    if (result) onDone('approvalId' in result ? t('actions.proposedForApproval') : t('actions.closure.closed', { returned: formatCents(result.returnedCents) }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="closure-title">
      <h3 id="closure-title">{t('actions.closure.title')}</h3>
      <TextAreaField id="closure-explanation" label={t('actions.closure.explanation')} field="explanation" error={error} rows={3} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
      <TextAreaField id="closure-report" label={t('actions.closure.finalReport')} field="finalReport" error={error} rows={8} value={finalReport} onChange={(e) => setFinalReport(e.target.value)} />
      <div className="action-choice">
        <input type="checkbox" id="closure-sure" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        <label htmlFor="closure-sure">{t('actions.closure.confirm')}</label>
      </div>
      <SubmitRow label={t('actions.closure.submit')} error={error} busy={busy} disabled={!sure} />
    </form>
  );
}

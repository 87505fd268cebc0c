import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { TextAreaField } from '../actions/form/Field';
import { SubmitRow } from '../actions/form/SubmitRow';
import { useAction } from '../actions/form/useAction';

/**
 * The account manager (or the cluster) proposes to withdraw the case, with the reason. Nothing
 * changes yet: an approver other than the proposer decides in the approvals inbox (four eyes), so
 * the form asks them to confirm that in words. Folded away, because it is offered in every open
 * stage and is rarely what one came for.
 */
export function WithdrawalForm({ caseId, onProposed }: { caseId: string; onProposed: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!sure) return;
    const result = await run(() => api.POST('/api/cases/{id}/withdrawal', { params: { path: { id: caseId } }, body: { reason } }));
    if (result) onProposed(t('casePage.termination.withdraw.proposed'));
  };

  return (
    <details className="cp-card">
      <summary>{t('casePage.termination.withdraw.title')}</summary>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="withdrawal-title">
        <h3 id="withdrawal-title">{t('casePage.termination.withdraw.title')}</h3>
        <p>{t('casePage.termination.withdraw.intro')}</p>
        <TextAreaField id="withdrawal-reason" label={t('casePage.termination.withdraw.reason')} hint={t('casePage.termination.withdraw.reasonHint')} field="reason" error={error} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="action-choice">
          <input type="checkbox" id="withdrawal-sure" checked={sure} onChange={(e) => setSure(e.target.checked)} />
          <label htmlFor="withdrawal-sure">{t('casePage.termination.withdraw.confirm')}</label>
        </div>
        <SubmitRow label={t('casePage.termination.withdraw.submit')} error={error} busy={busy} disabled={!sure} />
      </form>
    </details>
  );
}

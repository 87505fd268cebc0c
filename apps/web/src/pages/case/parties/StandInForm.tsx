import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { AsyncState } from '../../../components/AsyncState';
import { Disclosure } from '../actions/form/Disclosure';
import { SelectField, TextField } from '../actions/form/Field';
import { useAction } from '../actions/form/useAction';
import { useCaseHandlers } from '../actions/assessment/useCaseHandlers';
import type { CaseView } from '../stages';
import { SubmitRow } from '../actions/form/SubmitRow';

/**
 * The account manager (or an administrator) names the colleague who concludes the assessment and
 * proposes the decision in their stead, or clears them; the reason goes on the record. Who may be
 * named is decided by the API (an active case handler, not an assessor of this version).
 */
export function StandInForm({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { handlers, error: loadError, loading } = useCaseHandlers();
  const [standInId, setStandInId] = useState(view.standInId ?? '');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const body = { standInId: standInId || null, reason };
    const result = await run(() => api.POST('/api/cases/{id}/stand-in', { params: { path: { id: view.id } }, body }));
    if (!result) return;
    setReason('');
    setMessage(t(result.standInId ? 'casePage.standIn.named' : 'casePage.standIn.cleared'));
    onChanged();
  };

  return (
    <Disclosure open={false} label={t('casePage.standIn.open')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="stand-in-form-title" className="cp-card">
        <h3 id="stand-in-form-title">{t('casePage.standIn.title')}</h3>
        <p className="action-hint">{t('casePage.standIn.intro')}</p>
        <AsyncState loading={loading} error={loadError}>
          <SelectField id="stand-in-user" label={t('casePage.standIn.who')} field="standInId" error={error} value={standInId} onChange={(e) => setStandInId(e.target.value)}>
            <option value="">{t('casePage.standIn.none')}</option>
            {(handlers ?? [])
              .filter((h) => h.id !== view.accountManagerId)
              .map((h) => (
                <option key={h.id} value={h.id}>
                  {h.displayName}
                </option>
              ))}
          </SelectField>
        </AsyncState>
        <TextField id="stand-in-reason" label={t('casePage.standIn.reason')} field="reason" error={error} value={reason} onChange={(e) => setReason(e.target.value)} />
        <SubmitRow label={t('casePage.standIn.submit')} error={error} busy={busy} message={message} />
      </form>
    </Disclosure>
  );
}

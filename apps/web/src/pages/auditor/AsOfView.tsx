import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { FieldError, FormError } from '../../components/FieldErrors';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format';
import { AsOfAdvice } from './as-of/AsOfAdvice';
import { AsOfAgreement } from './as-of/AsOfAgreement';
import { AsOfAssessment } from './as-of/AsOfAssessment';
import { AsOfBudget } from './as-of/AsOfBudget';
import { AsOfDecision } from './as-of/AsOfDecision';
import { AsOfOverview } from './as-of/AsOfOverview';
import { AsOfProgress } from './as-of/AsOfProgress';
import { brusselsInstant, brusselsLocal } from './brussels-time';
import type { CaseAsOf } from './types';

/** The case as it stood at a chosen moment (Brussels time), rebuilt by the server from its audit events. */
export function AsOfView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [moment, setMoment] = useState(() => brusselsLocal(new Date()));
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<CaseAsOf | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const show = async (e: FormEvent) => {
    e.preventDefault();
    const at = brusselsInstant(moment);
    setBusy(true);
    setState(null);
    // An unreadable moment goes to the API as typed, so its message shows beside the field.
    const { data, error } = await api.GET('/api/cases/{id}/as-of', { params: { path: { id: caseId }, query: { at: at?.toISOString() ?? moment } } });
    setBusy(false);
    setState(data ?? null);
    setError(error ? errorOf(error) : null);
  };

  const atInvalid = Boolean(error?.fieldErrors?.some((f) => f.field === 'at'));
  return (
    <section aria-labelledby="asof-title">
      <h3 id="asof-title">{t('auditor.asOf.title')}</h3>
      <form onSubmit={(e) => void show(e)} noValidate>
        <label htmlFor="asof-moment">{t('auditor.asOf.moment')}</label>
        <input id="asof-moment" type="datetime-local" step={1} value={moment} onChange={(e) => setMoment(e.target.value)} aria-invalid={atInvalid || undefined} aria-describedby={atInvalid ? 'asof-moment-error' : undefined} />{' '}
        <button type="submit" disabled={busy}>
          {t('auditor.asOf.show')}
        </button>
        <FieldError error={error} field="at" id="asof-moment-error" />
      </form>
      <div aria-live="polite">
        {busy ? <Loading /> : null}
        <FormError error={error && !atInvalid ? error : null} />
        {state ? (
          <div className="panel">
            <h4>{t('auditor.asOf.heading', { at: formatDateTime(state.asOf) })}</h4>
            <AsOfOverview state={state} />
            <AsOfAssessment state={state} />
            <AsOfAdvice state={state} />
            <AsOfDecision state={state} />
            <AsOfProgress state={state} />
            <AsOfAgreement state={state} />
            <AsOfBudget state={state} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { FieldError, FormError } from '../../components/FieldErrors';
import { formatDateTime } from '../../format';
import { RemainingDays } from './RemainingDays';
import { POSITIONS, type AdviceBody, type AdviceRequest } from './types';

/**
 * The council's advice on one request. Advice is final once given, so submitting takes two steps:
 * tick that you understand it is final, then submit. The API's messages show beside the fields.
 */
export function AdviceForm({
  request,
  onSubmitted,
  onCancel,
  focusOnOpen = true,
}: {
  request: AdviceRequest;
  onSubmitted: (r: AdviceRequest) => void;
  onCancel?: () => void;
  /** Opened by the user's choice (focus moves to it), or part of a page that opens at its top. */
  focusOnOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [position, setPosition] = useState('');
  const [text, setText] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users land on the form they just opened.
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [request.id, focusOnOpen]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed || busy) return;
    setBusy(true);
    // The API validates the position too: an unchosen one comes back as its message beside the field.
    const body = { position, text } as AdviceBody;
    const { data, error } = await api.POST('/api/advice-requests/{id}/advice', { params: { path: { id: request.id } }, body });
    setBusy(false);
    if (data) onSubmitted(request);
    else setError(errorOf(error));
  };

  const has = (field: string) => Boolean(error?.fieldErrors?.some((f) => f.field === field));
  return (
    <section aria-labelledby="advice-form-title" className="panel">
      <h2 id="advice-form-title" ref={heading} tabIndex={-1}>
        {t('council.form.title', { name: request.clusterName ?? request.caseId })}
      </h2>
      <dl className="facts">
        <dt>{t('council.form.council')}</dt>
        <dd>{request.councilCode}</dd>
        <dt>{t('council.col.round')}</dt>
        <dd>{t('council.roundOf', { round: request.round, version: request.roadmapVersion })}</dd>
        <dt>{t('council.col.due')}</dt>
        <dd>
          {formatDateTime(request.dueAt)} (<RemainingDays request={request} />)
        </dd>
      </dl>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error && !error.fieldErrors?.length ? error : null} />
        <label htmlFor="advice-position">{t('council.form.position')}</label>
        <select
          id="advice-position"
          value={position}
          onChange={(e) => setPosition(e.target.value)}
          aria-required="true"
          aria-invalid={has('position') || undefined}
          aria-describedby={has('position') ? 'advice-position-error' : undefined}
        >
          <option value="">{t('council.form.choose')}</option>
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(`council.position.${p}`)}
            </option>
          ))}
        </select>
        <FieldError error={error} field="position" id="advice-position-error" />

        <label htmlFor="advice-text">{t('council.form.text')}</label>
        <span id="advice-text-hint" className="hint">
          {t('council.form.textHint')}
        </span>
        <textarea
          id="advice-text"
          className="wide"
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-required="true"
          aria-invalid={has('text') || undefined}
          aria-describedby={has('text') ? 'advice-text-hint advice-text-error' : 'advice-text-hint'}
        />
        <FieldError error={error} field="text" id="advice-text-error" />

        <div className="checkbox-row">
          <input id="advice-final" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} aria-describedby="advice-final-hint" />
          <label htmlFor="advice-final">{t('council.form.confirm')}</label>
        </div>
        <span id="advice-final-hint" className="hint">
          {t('council.form.confirmHint')}
        </span>

        <div className="form-actions">
          <button type="submit" disabled={!confirmed || busy}>
            {t('council.form.submit')}
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              {t('council.form.cancel')}
            </button>
          ) : null}
        </div>
        {busy ? <p role="status">{t('council.form.busy')}</p> : null}
      </form>
    </section>
  );
}

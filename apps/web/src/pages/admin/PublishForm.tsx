import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { FieldError, FormError } from '../../components/FieldErrors';
import type { PolicyDocument } from './types';

/**
 * Proposes a new version of the reference data: the content as JSON (prefilled with the newest
 * version) and why. Another administrator then approves it before it is published; running cases
 * keep their version. The API checks the content field by field; its messages are listed beside
 * the JSON with the path they concern.
 */
export function PublishForm({ latest, onProposed }: { latest: PolicyDocument | null; onProposed: (proposalId: string) => void }) {
  const { t } = useTranslation();
  const [json, setJson] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (latest) setJson(JSON.stringify(latest, null, 2));
  }, [latest]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let content: PolicyDocument;
    try {
      content = JSON.parse(json) as PolicyDocument;
    } catch (err) {
      setError({ statusCode: 400, fieldErrors: [{ field: 'content', messages: [t('admin.publish.notJson', { message: (err as Error).message })] }] });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/policy-versions', { body: { content, reason } });
    setBusy(false);
    if (data) {
      setError(null);
      setReason('');
      onProposed(data.proposalId);
    } else setError(errorOf(error));
  };

  const contentErrors = error?.fieldErrors?.filter((f) => f.field === 'content' || f.field.startsWith('content.')) ?? [];
  const reasonInvalid = Boolean(error?.fieldErrors?.some((f) => f.field === 'reason'));
  return (
    <section aria-labelledby="admin-publish-title">
      <h2 id="admin-publish-title">{t('admin.publish.title')}</h2>
      <p>{t('admin.publish.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error && !error.fieldErrors?.length ? error : null} />
        <label htmlFor="policy-content">{t('admin.publish.content')}</label>
        <span id="policy-content-hint" className="hint">
          {t('admin.publish.contentHint')}
        </span>
        <textarea
          id="policy-content"
          className="wide"
          rows={24}
          spellCheck={false}
          value={json}
          onChange={(e) => setJson(e.target.value)}
          aria-invalid={contentErrors.length > 0 || undefined}
          aria-describedby={contentErrors.length ? 'policy-content-hint policy-content-error' : 'policy-content-hint'}
        />
        {contentErrors.length ? (
          <div id="policy-content-error" className="field-error" role="alert">
            <ul>
              {contentErrors.map((f) => (
                <li key={f.field}>
                  {/* The path inside the content that the message concerns (none for the content as a whole). */}
                  {f.field === 'content' ? null : <code>{f.field.replace(/^content\./, '')}: </code>}
                  {f.messages.join('; ')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <label htmlFor="policy-reason">{t('admin.publish.reason')}</label>
        <input
          id="policy-reason"
          className="wide"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-required="true"
          aria-invalid={reasonInvalid || undefined}
          aria-describedby={reasonInvalid ? 'policy-reason-error' : undefined}
        />
        <FieldError error={error} field="reason" id="policy-reason-error" />
        <div className="form-actions">
          <button type="submit" disabled={busy || !json}>
            {t('admin.publish.submit')}
          </button>
          <button type="button" disabled={!latest} onClick={() => latest && setJson(JSON.stringify(latest, null, 2))}>
            {t('admin.publish.reset')}
          </button>
        </div>
        {busy ? <p role="status">{t('admin.publish.busy')}</p> : null}
      </form>
    </section>
  );
}

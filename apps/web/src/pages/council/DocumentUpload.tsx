import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { FieldError, FormError } from '../../components/FieldErrors';
import { uploadDocument } from './upload';
import type { AdviceDocument } from './types';

/**
 * Attaches one document to what `path` names (a council's request while its term runs, an
 * agreement version, a dialogue cycle, a milestone); the API says why not otherwise. `idPrefix`
 * keeps the ids unique when a page has several; `title` and `hint` say what it is attached to.
 */
export function DocumentUpload({ path, onUploaded, idPrefix = 'advice', title, hint }: { path: string; onUploaded: (d: AdviceDocument) => void; idPrefix?: string; title?: string; hint?: string }) {
  const { t } = useTranslation();
  const id = (part: string) => `${idPrefix}-${part}`;
  const input = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError({ fieldErrors: [{ field: 'file', messages: [t('council.upload.chooseFile')] }] });
      return;
    }
    setBusy(true);
    const { document, error } = await uploadDocument<AdviceDocument>(path, file, reason);
    setBusy(false);
    if (document) {
      setError(null);
      setReason('');
      if (input.current) input.current.value = '';
      onUploaded(document);
    } else setError(error ?? {});
  };

  const has = (field: string) => Boolean(error?.fieldErrors?.some((f) => f.field === field));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={id('upload-title')}>
      <h3 id={id('upload-title')}>{title ?? t('council.upload.title')}</h3>
      <FormError error={error && !error.fieldErrors?.length ? error : null} />
      <label htmlFor={id('file')}>{t('council.upload.file')}</label>
      <span id={id('file-hint')} className="hint">
        {hint ?? t('council.upload.fileHint')}
      </span>
      <input
        id={id('file')}
        ref={input}
        type="file"
        accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt"
        aria-invalid={has('file') || undefined}
        aria-describedby={has('file') ? `${id('file-hint')} ${id('file-error')}` : id('file-hint')}
      />
      <FieldError error={error} field="file" id={id('file-error')} />
      <label htmlFor={id('file-reason')}>{t('council.upload.reason')}</label>
      <input
        id={id('file-reason')}
        className="wide"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={2000}
        aria-invalid={has('reason') || undefined}
        aria-describedby={has('reason') ? id('file-reason-error') : undefined}
      />
      <FieldError error={error} field="reason" id={id('file-reason-error')} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('council.upload.submit')}
        </button>
      </div>
      {busy ? <p role="status">{t('council.upload.busy')}</p> : null}
    </form>
  );
}

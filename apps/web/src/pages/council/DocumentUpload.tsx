import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { FieldError, FormError } from '../../components/FieldErrors';
import { uploadDocument } from './upload';
import type { AdviceDocument } from './types';

/** Attaches one document to the council's request (while the term runs; the API says why otherwise). */
export function DocumentUpload({ requestId, onUploaded }: { requestId: string; onUploaded: (d: AdviceDocument) => void }) {
  const { t } = useTranslation();
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
    const { document, error } = await uploadDocument(`/api/advice-requests/${requestId}/documents`, file, reason);
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
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="advice-upload-title">
      <h3 id="advice-upload-title">{t('council.upload.title')}</h3>
      <FormError error={error && !error.fieldErrors?.length ? error : null} />
      <label htmlFor="advice-file">{t('council.upload.file')}</label>
      <span id="advice-file-hint" className="hint">
        {t('council.upload.fileHint')}
      </span>
      <input
        id="advice-file"
        ref={input}
        type="file"
        accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt"
        aria-invalid={has('file') || undefined}
        aria-describedby={has('file') ? 'advice-file-hint advice-file-error' : 'advice-file-hint'}
      />
      <FieldError error={error} field="file" id="advice-file-error" />
      <label htmlFor="advice-file-reason">{t('council.upload.reason')}</label>
      <input
        id="advice-file-reason"
        className="wide"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={2000}
        aria-invalid={has('reason') || undefined}
        aria-describedby={has('reason') ? 'advice-file-reason-error' : undefined}
      />
      <FieldError error={error} field="reason" id="advice-file-reason-error" />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('council.upload.submit')}
        </button>
      </div>
      {busy ? <p role="status">{t('council.upload.busy')}</p> : null}
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { FieldError } from '../../../components/FieldErrors';

/** The reason every change to a person carries into the audit trail. */
export function ReasonField({ prefix, value, onChange, error }: { prefix: string; value: string; onChange: (v: string) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const invalid = Boolean(error?.fieldErrors?.some((f) => f.field === 'reason'));
  return (
    <>
      <label htmlFor={`${prefix}-reason`}>{t('people.fields.reason')}</label>
      <input
        id={`${prefix}-reason`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        maxLength={2000}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${prefix}-reason-hint ${prefix}-reason-error` : `${prefix}-reason-hint`}
      />
      <span id={`${prefix}-reason-hint`} className="cl-hint">
        {t('people.fields.reasonHint')}
      </span>
      <FieldError error={error} field="reason" id={`${prefix}-reason-error`} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import { FormError } from '../../../../components/FieldErrors';
import { ActionStatus } from './ActionStatus';

/**
 * The end of a case form: what the API refused (if anything), the form's one submit button, and the
 * status line a screen reader announces ("busy", then what happened). `disabled` adds the form's own
 * reasons not to send yet; while busy the button is always disabled, so a double click sends once.
 */
export function SubmitRow({ label, error, busy, disabled = false, message = null }: { label: string; error: ApiError | null; busy: boolean; disabled?: boolean; message?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <FormError error={error} />
      <div className="action-buttons">
        <button type="submit" disabled={busy || disabled}>
          {label}
        </button>
      </div>
      <ActionStatus message={busy ? t('actions.busy') : message} />
    </>
  );
}

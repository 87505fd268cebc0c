import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** The API's message for one field, shown beside it (linked with aria-describedby by its id). */
export function FieldError({ error, field, id }: { error: ApiError | null; field: string; id: string }) {
  const messages = error?.fieldErrors?.filter((f) => f.field === field || f.field.startsWith(`${field}.`)).flatMap((f) => f.messages) ?? [];
  if (!messages.length) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {messages.join('; ')}
    </span>
  );
}

/** The form's overall refusal (409, 403, …) with the API's reason. */
export function FormError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {t('common.refused', { message: error.message ?? '' })}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** A read that failed: the API's own message (in the user's language, as the API words it), announced at once. */
export function LoadError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t('common.error', { message: error.message ?? '' })}
    </p>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** Every list and view: a loading state, an error state (the API's message) and an empty state. */
export function AsyncState({ loading, error, empty, children }: { loading: boolean; error?: ApiError | null; empty?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (error) return <p role="alert" className="error">{t('common.error', { message: error.message ?? '' })}</p>;
  if (empty) return <p className="empty">{t('common.empty')}</p>;
  return <>{children}</>;
}

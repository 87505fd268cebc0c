import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { LoadError } from './LoadError';
import { Loading } from './Loading';

/** Every list and view: a loading state, an error state (the API's message) and an empty state. */
export function AsyncState({ loading, error, empty, children }: { loading: boolean; error?: ApiError | null; empty?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (error) return <LoadError error={error} />;
  if (empty) return <p className="empty">{t('common.empty')}</p>;
  return <>{children}</>;
}

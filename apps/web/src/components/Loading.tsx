import { useTranslation } from 'react-i18next';

/** "Loading…", announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

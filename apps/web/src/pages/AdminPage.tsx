import { useTranslation } from 'react-i18next';

// Placeholder: built in the next step (see the issue of the web application).
export function AdminPage() {
  const { t } = useTranslation();
  return <h1>{t('common.loading')}</h1>;
}

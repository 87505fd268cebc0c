import { useTranslation } from 'react-i18next';
import { daysUntil } from '../../format';
import type { AdviceRequest } from './types';

/** Days left on the legal term, marked in words (not by colour alone) when it has passed or nearly. */
export function RemainingDays({ request }: { request: AdviceRequest }) {
  const { t } = useTranslation();
  const days = daysUntil(request.dueAt);
  if (new Date(request.dueAt).getTime() < Date.now()) return <strong className="tag late">{t('council.overdue')}</strong>;
  if (days <= 7) return <strong className="tag soon">{t('council.daysLeft', { count: days })}</strong>;
  return <span>{t('council.daysLeft', { count: days })}</span>;
}

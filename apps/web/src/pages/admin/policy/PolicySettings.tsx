import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import type { PolicyDocument } from '../types';

/** The remaining settings: score scale, assessors, dialogue cadence, signing deadline, reminders, extra holidays. */
export function PolicySettings({ content: c }: { content: PolicyDocument }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="admin-settings">
      <h3 id="admin-settings">{t('admin.version.settings')}</h3>
      <dl className="facts">
        <dt>{t('admin.version.scoreScale')}</dt>
        <dd>
          {c.scoreScale.min} – {c.scoreScale.max}
        </dd>
        <dt>{t('admin.version.minAssessors')}</dt>
        <dd>{c.minAssessors}</dd>
        <dt>{t('admin.version.dialogueCadence')}</dt>
        <dd>{t('admin.version.months', { count: c.dialogueCadenceMonths })}</dd>
        <dt>{t('admin.version.signingDeadline')}</dt>
        <dd>{t('admin.version.days', { count: c.signingDeadlineDays })}</dd>
        <dt>{t('admin.version.milestoneReminders')}</dt>
        <dd>{t('admin.version.daysBefore', { days: c.milestoneReminderDaysBefore.join(', ') })}</dd>
        <dt>{t('admin.version.extraHolidays')}</dt>
        <dd>{c.extraHolidays?.length ? c.extraHolidays.map((d) => formatDate(d)).join(', ') : '—'}</dd>
      </dl>
    </section>
  );
}

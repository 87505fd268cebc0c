import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import type { PolicyDocument } from '../types';
import { localized } from './localized';

/** The advisory councils with their legal advice term, reminders and suspension periods. */
export function CouncilsTable({ councils }: { councils: PolicyDocument['councils'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="admin-councils">
      <h3 id="admin-councils">{t('admin.version.councils')}</h3>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('admin.version.councils')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.version.code')}</th>
              <th scope="col">{t('admin.version.name')}</th>
              <th scope="col">{t('admin.version.term')}</th>
              <th scope="col">{t('admin.version.reminders')}</th>
              <th scope="col">{t('admin.version.suspensions')}</th>
            </tr>
          </thead>
          <tbody>
            {councils.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.code}</th>
                <td>{localized(c.name, i18n.language)}</td>
                <td>{t('admin.version.days', { count: c.adviceTermDays })}</td>
                <td>{t('admin.version.daysBefore', { days: c.reminderDaysBefore.join(', ') })}</td>
                <td>
                  {c.suspensions?.length
                    ? c.suspensions.map((s) => (
                        <div key={`${s.from}-${s.to}`}>
                          {formatDate(s.from)} – {formatDate(s.to)}
                          {s.reason ? ` (${s.reason})` : ''}
                        </div>
                      ))
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../format';
import { ScrollTable } from '../CaseSection';
import type { CaseView } from '../stages';

/**
 * One row per case: name (a link), stage, account manager (for the roles that may see users' names),
 * pilot, next due date, last change.
 */
export function CaseTable({ cases, managerName }: { cases: CaseView[]; managerName?: (id: string) => string | null }) {
  const { t } = useTranslation();
  const now = Date.now();
  return (
    <ScrollTable label={t('cases.title')}>
      <table>
        <caption className="visually-hidden">{t('cases.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.columns.cluster')}</th>
            <th scope="col">{t('cases.columns.stage')}</th>
            {managerName ? <th scope="col">{t('cases.columns.manager')}</th> : null}
            <th scope="col">{t('cases.columns.nextDue')}</th>
            <th scope="col">{t('cases.columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const due = c.pendingTasks.map((task) => task.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null;
            const overdue = c.pendingTasks.some((task) => task.dueAt !== null && new Date(task.dueAt).getTime() < now);
            return (
              <tr key={c.id} className={overdue ? 'overdue' : undefined}>
                <th scope="row">
                  <Link to={`/cases/${c.id}`}>{c.clusterName}</Link>
                  <span className="cp-note">{c.domain}</span>
                </th>
                <td>
                  {t(`stage.${c.stage}`)}
                  {c.pilot ? <span className="cp-badge">{t('cases.pilot')}</span> : null}
                </td>
                {managerName ? <td>{managerName(c.accountManagerId) ?? '—'}</td> : null}
                <td>
                  {formatDate(due)}
                  {overdue ? <strong className="badge"> {t('cases.overdue')}</strong> : null}
                </td>
                <td>{formatDateTime(c.updatedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

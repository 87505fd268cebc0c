import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { offers } from '../layout/Layout';
import { requestPath } from './council/types';
import { AsyncState } from '../components/AsyncState';
import { formatDate } from '../format';
import type { components } from '../api/schema';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';

type Task = components['schemas']['TaskDto'];

/**
 * Where a task takes its user: a council's advice to the request view (a council reads no case),
 * everything else to the case, for whoever may open cases; otherwise no link, never one to a refusal.
 */
function taskLink(task: Task, readsCases: boolean): string | null {
  if (task.kind === 'advice' && task.subjectId) return requestPath(task.subjectId);
  return readsCases ? `/cases/${task.caseId}` : null;
}

/** What waits on me, overdue first (the API orders it so). */
export function InboxPage() {
  const { t } = useTranslation();
  const { may } = useSession();
  const readsCases = offers('/cases', may);
  const answer = useApiQuery(queryKeys.tasks(), () => api.GET('/api/tasks', { params: { query: { limit: 100 } } }));
  const tasks: Task[] | null = answer.pending ? null : (answer.data?.items ?? []);
  const error = answer.error;

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <AsyncState loading={tasks === null} error={error} empty={tasks?.length === 0}>
        <table>
          <caption className="visually-hidden">{t('inbox.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inbox.case')}</th>
              <th scope="col">{t('inbox.step')}</th>
              <th scope="col">{t('inbox.due')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks?.map((task) => {
              const to = taskLink(task, readsCases);
              const name = task.clusterName ?? task.caseId;
              return (
                <tr key={task.id} className={task.overdue ? 'overdue' : undefined}>
                  <td>{to ? <Link to={to}>{name}</Link> : name}</td>
                  <td>{t(`task.${task.kind}`, { defaultValue: task.kind })}</td>
                  <td>
                    {formatDate(task.dueAt)}
                    {task.overdue ? <strong className="badge"> {t('inbox.overdue')}</strong> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </AsyncState>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../api/client';
import { AsyncState } from '../components/AsyncState';
import { formatDate } from '../format';
import type { components } from '../api/schema';

type Task = components['schemas']['TaskDto'];

/** What waits on me, overdue first (the API orders it so). */
export function InboxPage() {
  const { t } = useTranslation();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void api.GET('/api/tasks', { params: { query: { limit: 100 } } }).then(({ data, error }) => {
      setTasks(data?.items ?? []);
      setError(error ? errorOf(error) : null);
    });
  }, []);

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
            {tasks?.map((task) => (
              <tr key={task.id} className={task.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/cases/${task.caseId}`}>{task.clusterName ?? task.caseId}</Link>
                </td>
                <td>{t(`task.${task.kind}`, { defaultValue: task.kind })}</td>
                <td>
                  {formatDate(task.dueAt)}
                  {task.overdue ? <strong className="badge"> {t('inbox.overdue')}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </AsyncState>
    </section>
  );
}

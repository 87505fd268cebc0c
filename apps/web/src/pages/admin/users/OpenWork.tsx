import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { AsyncState } from '../../../components/AsyncState';
import { formatDate } from '../../../format';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { HandoverForm } from '../../handover/HandoverForm';
import type { UserAccount } from './types';

/** What waits on a person (deactivated, or about to leave), and the handover of it to a colleague. */
export function OpenWork({ user, onChanged, onClose }: { user: UserAccount; onChanged: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const work = useApiQuery(queryKeys.userOpenWork(user.id), () => api.GET('/api/users/{id}/open-work', { params: { path: { id: user.id } } }));
  const tasks = work.data?.tasks ?? [];
  const managed = work.data?.managedCases ?? [];
  return (
    <section aria-labelledby="open-work-title" className="cp-section">
      <h2 id="open-work-title">{t('people.openWork.title', { name: user.displayName })}</h2>
      <AsyncState loading={work.loading && work.data === null} error={work.error}>
        {tasks.length === 0 && managed.length === 0 ? <p className="empty">{t('people.openWork.none')}</p> : null}
        {managed.length ? (
          <div className="table-scroll pu-scroll">
            <table>
              <caption>{t('people.openWork.managed')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.openWork.case')}</th>
                  <th scope="col">{t('people.openWork.stage')}</th>
                </tr>
              </thead>
              <tbody>
                {managed.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/cases/${c.id}`}>{c.clusterName}</Link>
                    </th>
                    <td>{t(`stage.${c.stage}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {tasks.length ? (
          <div className="table-scroll pu-scroll">
            <table>
              <caption>{t('people.openWork.tasks')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.openWork.case')}</th>
                  <th scope="col">{t('people.openWork.task')}</th>
                  <th scope="col">{t('people.openWork.due')}</th>
                  <th scope="col">{t('people.openWork.moves')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr key={task.id}>
                    <th scope="row">
                      <Link to={`/cases/${task.caseId}`}>{task.clusterName ?? task.caseId}</Link>
                    </th>
                    <td>{t(`task.${task.kind}`, { defaultValue: task.kind })}</td>
                    <td>{formatDate(task.dueAt)}</td>
                    <td>{task.transferable ? t('people.openWork.yes') : t('people.openWork.personal')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </AsyncState>
      {managed.length || tasks.some((x) => x.transferable) ? (
        <>
          <h3>{t('people.openWork.handOver')}</h3>
          <HandoverForm
            from={user.id}
            onDone={onChanged}
          />
        </>
      ) : null}
      <button type="button" onClick={onClose}>
        {t('people.close')}
      </button>
    </section>
  );
}

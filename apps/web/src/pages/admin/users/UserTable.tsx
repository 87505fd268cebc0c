import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import type { Choices, UserAccount } from './types';

export type UserAction = 'edit' | 'deactivate' | 'work';

/** One row per person: roles, bindings, status and open work, with what an administrator can do. */
export function UserTable({ users, choices, meId, onAction }: { users: UserAccount[]; choices: Choices; meId: string | undefined; onAction: (u: UserAccount, a: UserAction) => void }) {
  const { t } = useTranslation();
  const caseName = (id: string) => choices.cases.find((c) => c.id === id)?.clusterName ?? id;
  return (
    <div className="table-scroll pu-scroll">
      <table>
        <caption className="visually-hidden">{t('people.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.col.name')}</th>
            <th scope="col">{t('people.col.email')}</th>
            <th scope="col">{t('people.col.roles')}</th>
            <th scope="col">{t('people.col.bindings')}</th>
            <th scope="col">{t('people.col.status')}</th>
            <th scope="col">{t('people.col.openWork')}</th>
            <th scope="col">{t('people.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.displayName}
                <br />
                <small>
                  {u.organisation} · <code>{u.subject}</code>
                </small>
              </th>
              <td>{u.email}</td>
              <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
              <td>{[u.councilCode, ...u.caseIds.map(caseName)].filter(Boolean).join(', ') || '—'}</td>
              <td>{u.active ? t('people.status.active') : t('people.status.inactive', { date: formatDate(u.deactivatedAt) })}</td>
              <td>{u.openTasks || u.managedCases ? t('people.work', { tasks: u.openTasks, cases: u.managedCases }) : t('people.noWork')}</td>
              <td>
                {u.active ? (
                  <button type="button" onClick={() => onAction(u, 'edit')}>
                    {t('people.edit')}
                    <span className="visually-hidden"> {t('people.editFor', { name: u.displayName })}</span>
                  </button>
                ) : null}{' '}
                {u.active && u.id !== meId ? (
                  <button type="button" onClick={() => onAction(u, 'deactivate')}>
                    {t('people.deactivate')}
                    <span className="visually-hidden"> {t('people.deactivateFor', { name: u.displayName })}</span>
                  </button>
                ) : null}{' '}
                {u.openTasks || u.managedCases ? (
                  <button type="button" onClick={() => onAction(u, 'work')}>
                    {t('people.showWork')}
                    <span className="visually-hidden"> {t('people.showWorkFor', { name: u.displayName })}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

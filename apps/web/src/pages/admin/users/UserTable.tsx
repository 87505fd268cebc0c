import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import type { Choices, UserAccount } from './types';
import { DataTable } from '../../../components/DataTable';

export type UserAction = 'edit' | 'deactivate' | 'work';

/** One row per person: roles, bindings, status and open work, with what an administrator can do. */
export function UserTable({ users, choices, meId, onAction }: { users: UserAccount[]; choices: Choices; meId: string | undefined; onAction: (u: UserAccount, a: UserAction) => void }) {
  const { t } = useTranslation();
  const caseName = (id: string) => choices.cases.find((c) => c.id === id)?.clusterName ?? id;
  return (
    <DataTable caption={t('people.title')} className="pu-scroll" columns={[t('people.col.name'), t('people.col.email'), t('people.col.roles'), t('people.col.bindings'), t('people.col.status'), t('people.col.openWork'), t('people.col.action')]}>
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
    </DataTable>
  );
}

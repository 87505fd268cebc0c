import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { AsyncState } from '../../../components/AsyncState';
import { PagePager } from '../../../components/PagePager';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { useUsersChanged } from '../../../data/useInvalidate';
import { CreateUserForm } from './CreateUserForm';
import { DeactivateForm } from './DeactivateForm';
import { EditUserForm } from './EditUserForm';
import { OpenWork } from './OpenWork';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UserTable, type UserAction } from './UserTable';
import type { UserAccount } from './types';
import { useChoices } from './useChoices';
import '../../case/case.css';
import '../../../components/screens.css';
import './users.css';

const PAGE_SIZE = 20;

/** The administrators' users screen: the list (filtered, paged), and creating, changing, deactivating and handing over. */
export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const choices = useChoices();
  const [filters, setFilters] = useState<UserFilterValues>({ role: '', active: '', search: '' });
  const [page, setPage] = useState(0);
  const usersChanged = useUsersChanged();
  const [open, setOpen] = useState<{ user: UserAccount; action: UserAction } | null>(null);
  const [notice, setNotice] = useState('');
  const query = {
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    role: filters.role || undefined,
    active: filters.active === '' ? undefined : filters.active === 'true',
    search: filters.search || undefined,
  };
  const list = useApiQuery(queryKeys.userAccountList(query), () => api.GET('/api/user-accounts', { params: { query } }));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const changed = (message: string) => {
    setNotice(message);
    setOpen(null);
    usersChanged();
  };

  return (
    <>
      <section aria-labelledby="users-title">
        <h1 id="users-title">{t('people.title')}</h1>
        <p>
          {t('people.intro')} <Link to="/admin">{t('people.toReferenceData')}</Link>
        </p>
        <p role="status" className="status-note">
          {notice}
        </p>
        <UserFilters
          values={filters}
          onChange={(v) => {
            setFilters(v);
            setPage(0);
          }}
        />
        <AsyncState loading={list.loading && list.data === null} error={list.error} empty={items.length === 0}>
          <UserTable users={items} choices={choices} meId={me?.id} onAction={(user, action) => setOpen({ user, action })} />
        </AsyncState>
        {total > 0 ? <PagePager area="people" page={page} size={PAGE_SIZE} total={total} onPage={setPage} announce={false} /> : null}
      </section>
      {open?.action === 'edit' ? (
        <EditUserForm key={open.user.id} user={open.user} choices={choices} onSaved={(u) => changed(t('people.editForm.done', { name: u.displayName }))} onClose={() => setOpen(null)} />
      ) : null}
      {open?.action === 'deactivate' ? (
        <DeactivateForm
          key={open.user.id}
          user={open.user}
          onDone={(u) => {
            changed(t('people.deactivateForm.done', { name: u.displayName }));
            // What they leave behind comes up at once for a handover.
            if (u.openTasks || u.managedCases) setOpen({ user: u, action: 'work' });
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.action === 'work' ? <OpenWork key={open.user.id} user={open.user} onChanged={usersChanged} onClose={() => setOpen(null)} /> : null}
      <CreateUserForm choices={choices} onCreated={(u) => changed(t('people.create.done', { name: u.displayName }))} />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../auth/session';
import { ROLES } from './types';

export interface UserFilterValues {
  role: Role | '';
  active: '' | 'true' | 'false';
  search: string;
}

/** Role and status apply at once; the search with its button or Enter. */
export function UserFilters({ values, onChange }: { values: UserFilterValues; onChange: (v: UserFilterValues) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(values.search);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...values, search: search.trim() });
  };
  return (
    <form role="search" aria-label={t('people.filters.label')} className="cl-filters" onSubmit={submit}>
      <div>
        <label htmlFor="users-search">{t('people.filters.search')}</label>
        <input id="users-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />{' '}
        <button type="submit">{t('people.filters.searchButton')}</button>
      </div>
      <div>
        <label htmlFor="users-role">{t('people.filters.role')}</label>
        <select id="users-role" value={values.role} onChange={(e) => onChange({ ...values, role: e.target.value as Role | '' })}>
          <option value="">{t('people.filters.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="users-active">{t('people.filters.active')}</label>
        <select id="users-active" value={values.active} onChange={(e) => onChange({ ...values, active: e.target.value as UserFilterValues['active'] })}>
          <option value="">{t('people.filters.all')}</option>
          <option value="true">{t('people.filters.activeOnly')}</option>
          <option value="false">{t('people.filters.inactiveOnly')}</option>
        </select>
      </div>
    </form>
  );
}

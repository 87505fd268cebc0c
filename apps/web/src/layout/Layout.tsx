import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from '../auth/session';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** Which roles see which part of the application: nothing a role may not use is offered. */
const NAV: { to: string; key: string; roles: Role[] | 'all' }[] = [
  { to: '/', key: 'nav.inbox', roles: 'all' },
  { to: '/cases', key: 'nav.cases', roles: ['case_handler', 'approver', 'auditor', 'admin', 'cluster_representative'] },
  { to: '/council', key: 'nav.council', roles: ['council_member'] },
  { to: '/approvals', key: 'nav.approvals', roles: ['approver', 'case_handler'] },
  { to: '/audit', key: 'nav.audit', roles: ['auditor', 'admin'] },
  { to: '/admin', key: 'nav.admin', roles: ['admin'] },
  { to: '/admin/users', key: 'people.nav.users', roles: ['admin'] },
  { to: '/handover', key: 'people.nav.handover', roles: ['case_handler', 'admin'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, hasRole, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((n) => n.roles === 'all' || hasRole(...n.roles)).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === '/' || n.to === '/admin'}>
                  {t(n.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-user">
          <label htmlFor="language">{t('nav.language')}</label>
          <select id="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          <span>
            {user?.displayName} ({user?.roles.map((r) => t(`role.${r}`)).join(', ')})
          </span>
          <button type="button" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession, type Action } from '../auth/session';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** Each part of the application, offered to whoever may do its main action (the API says who). */
const NAV: { to: string; key: string; action: Action }[] = [
  { to: '/', key: 'nav.inbox', action: 'readOwnWork' },
  { to: '/cases', key: 'nav.cases', action: 'listCases' },
  { to: '/calls', key: 'calls.nav', action: 'listCalls' },
  { to: '/council', key: 'nav.council', action: 'submitAdvice' },
  { to: '/approvals', key: 'nav.approvals', action: 'listApprovals' },
  { to: '/portfolio', key: 'portfolio.nav', action: 'readPortfolio' },
  { to: '/audit', key: 'nav.audit', action: 'searchAudit' },
  { to: '/admin', key: 'nav.admin', action: 'manageUsers' },
  { to: '/admin/users', key: 'people.nav.users', action: 'manageUsers' },
  { to: '/handover', key: 'people.nav.handover', action: 'handOver' },
  { to: '/european-alignment', key: 'european.nav', action: 'readEuropeanCoverage' },
];

/** Whether the navigation offers this part to the user: a page links elsewhere only where they may go. */
export function offers(to: string, may: (action: Action) => boolean): boolean {
  const entry = NAV.find((n) => n.to === to);
  return Boolean(entry && may(entry.action));
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, may, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((n) => offers(n.to, may)).map((n) => (
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

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../api/client';
import { loadAuthConfig, type AuthConfig } from '../auth/auth-config';
import { OidcSignInButton } from '../auth/OidcSignInButton';
import { useSession } from '../auth/session';
import { AsyncState } from '../components/AsyncState';
import { FormError } from '../components/FieldErrors';
import type { components } from '../api/schema';

type DevUser = components['schemas']['UserSummaryDto'];

/** Sign-in: the OIDC provider's redirect when one is configured, the seeded users when the dev login is on (or both). */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    loadAuthConfig().then(
      (c) => {
        setConfig(c);
        if (!c.devLogin) return;
        void api.GET('/api/auth/dev-users').then(({ data, error }) => {
          setUsers(data ?? []);
          setError(error ? errorOf(error) : null);
        });
      },
      (e: { apiError?: unknown }) => setError(errorOf(e.apiError)),
    );
  }, []);

  const choose = async (subject: string) => {
    const { data, error } = await api.POST('/api/auth/dev-login', { body: { subject } });
    if (data) await signIn(data.accessToken);
    else setError(errorOf(error));
  };

  return (
    <main id="main" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <FormError error={error} />
      <AsyncState loading={config === null && error === null}>
        {config?.oidc && <OidcSignInButton oidc={config.oidc} />}
        {config?.devLogin && (
          <section aria-labelledby="dev-sign-in-heading">
            <h2 id="dev-sign-in-heading">{t('oidc.devHeading')}</h2>
            <p>{t('signIn.intro')}</p>
            <AsyncState loading={users === null && error === null} empty={users?.length === 0}>
              <ul className="user-list">
                {users?.map((u) => (
                  <li key={u.subject}>
                    <button type="button" onClick={() => void choose(u.subject)}>
                      <strong>{u.displayName}</strong> — {u.roles.map((r) => t(`role.${r}`)).join(', ')}
                      {u.councilCode ? ` (${u.councilCode})` : ''}, {u.organisation}
                    </button>
                  </li>
                ))}
              </ul>
            </AsyncState>
          </section>
        )}
        {config && !config.oidc && !config.devLogin && <p role="alert">{t('oidc.noMethod')}</p>}
      </AsyncState>
    </main>
  );
}

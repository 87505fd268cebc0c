import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { AsyncState } from '../components/AsyncState';
import { FormError } from '../components/FieldErrors';
import type { components } from '../api/schema';

type DevUser = components['schemas']['UserSummaryDto'];

/** Development sign-in: the seeded users by role. (With an OIDC provider, its redirect instead.) */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void api.GET('/api/auth/dev-users').then(({ data, error }) => {
      setUsers(data ?? []);
      setError(error ? errorOf(error) : null);
    });
  }, []);

  const choose = async (subject: string) => {
    const { data, error } = await api.POST('/api/auth/dev-login', { body: { subject } });
    if (data) await signIn(data.accessToken);
    else setError(errorOf(error));
  };

  return (
    <main id="main" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <FormError error={error} />
      <AsyncState loading={users === null} empty={users?.length === 0}>
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
    </main>
  );
}

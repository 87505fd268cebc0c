import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { loadAuthConfig } from './auth-config';
import { clearOidcUser, completeSignIn } from './oidc';
import { useSession } from './session';

type Outcome = { ok: true } | { ok: false; message: string | null };

// Once per callback URL: the code is single-use, and this page unmounts and mounts again while
// the session loads (and twice under React's strict mode), so later mounts reuse the outcome.
const outcomes = new Map<string, Promise<Outcome>>();

async function finish(url: string, signIn: (token: string) => Promise<boolean>, notConfigured: string): Promise<Outcome> {
  try {
    const { oidc } = await loadAuthConfig();
    if (!oidc) return { ok: false, message: notConfigured };
    if (await signIn(await completeSignIn(oidc, url))) return { ok: true };
    // The provider knows them, this application does not (no user with their subject).
    await clearOidcUser();
    return { ok: false, message: null };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** /auth/callback: the provider sent the browser back with a code; trade it and sign in with the token. */
export function OidcCallbackPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<{ message: string | null } | null>(null);

  useEffect(() => {
    let active = true;
    const url = window.location.href;
    let outcome = outcomes.get(url);
    if (!outcome) {
      outcome = finish(url, signIn, t('oidc.notConfigured'));
      outcomes.set(url, outcome);
    }
    void outcome.then((o) => {
      if (!active) return;
      if (o.ok) void navigate('/', { replace: true });
      else setFailure({ message: o.message });
    });
    return () => {
      active = false;
    };
  }, [navigate, signIn, t]);

  return (
    <main id="main" className="sign-in">
      <h1>{t('oidc.callbackTitle')}</h1>
      {failure ? (
        <>
          <p role="alert" className="error">
            {failure.message === null ? t('oidc.unknownUser') : t('oidc.failed', { message: failure.message })}
          </p>
          <p>
            <Link to="/">{t('oidc.backToSignIn')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('oidc.completing')}</p>
      )}
    </main>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerName, userManagerFor } from './oidc';
import type { OidcConfig } from './auth-config';

/** Starts the authorization code flow (PKCE) at the configured provider: a full-page redirect. */
export function OidcSignInButton({ oidc }: { oidc: OidcConfig }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const start = () => {
    setBusy(true);
    setFailed(null);
    userManagerFor(oidc)
      .signinRedirect()
      .catch((e: unknown) => {
        setBusy(false);
        setFailed(e instanceof Error ? e.message : String(e));
      });
  };

  return (
    <section className="oidc-sign-in" aria-labelledby="oidc-sign-in-heading">
      <h2 id="oidc-sign-in-heading">{t('oidc.heading')}</h2>
      <button type="button" className="primary" onClick={start} disabled={busy}>
        {t('oidc.signIn', { provider: providerName(oidc) })}
      </button>
      {busy && <p role="status">{t('oidc.redirecting')}</p>}
      {failed && (
        <p role="alert" className="error">
          {t('oidc.failed', { message: failed })}
        </p>
      )}
    </section>
  );
}

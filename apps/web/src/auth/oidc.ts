import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { loadAuthConfig, type OidcConfig } from './auth-config';

/** Where the provider sends the browser back (registered at the provider as the redirect URI). */
export const callbackPath = '/auth/callback';

let manager: { key: string; value: UserManager } | null = null;

/**
 * The oidc-client-ts client for the configured provider: authorization code flow with PKCE (its
 * default), a public client, and everything (state, verifier, user) in this tab's sessionStorage.
 */
export function userManagerFor(oidc: OidcConfig): UserManager {
  const key = `${oidc.issuer} ${oidc.clientId} ${oidc.scope}`;
  if (manager?.key !== key) {
    const store = new WebStorageStateStore({ store: window.sessionStorage });
    manager = {
      key,
      value: new UserManager({
        authority: oidc.issuer,
        client_id: oidc.clientId,
        scope: oidc.scope,
        response_type: 'code',
        redirect_uri: `${window.location.origin}${callbackPath}`,
        stateStore: store,
        userStore: store,
        loadUserInfo: false,
        automaticSilentRenew: false,
      }),
    };
  }
  return manager.value;
}

/** The provider's name to show on the sign-in button: its host. */
export function providerName(oidc: OidcConfig): string {
  try {
    return new URL(oidc.issuer).host;
  } catch {
    return oidc.issuer;
  }
}

/** Finishes the redirect back from the provider: trades the code (with the PKCE verifier) for the access token, which the API verifies. */
export async function completeSignIn(oidc: OidcConfig, url: string): Promise<string> {
  const user = await userManagerFor(oidc).signinRedirectCallback(url);
  return user.access_token;
}

/** Forgets the provider's user of this tab (sign-out); the provider's own session stays. */
export async function clearOidcUser(): Promise<void> {
  const config = await loadAuthConfig().catch(() => null);
  if (config?.oidc) await userManagerFor(config.oidc).removeUser();
}

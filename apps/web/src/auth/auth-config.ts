import { api } from '../api/client';
import type { components } from '../api/schema';

export type AuthConfig = components['schemas']['AuthConfigDto'];
export type OidcConfig = components['schemas']['OidcClientConfigDto'];

let pending: Promise<AuthConfig> | null = null;

/** How users sign in here (GET /api/auth/config), asked once per page load. */
export function loadAuthConfig(): Promise<AuthConfig> {
  pending ??= api.GET('/api/auth/config').then(({ data, error }) => {
    if (!data) {
      pending = null; // let the next caller try again
      throw Object.assign(new Error('auth config unavailable'), { apiError: error });
    }
    return data;
  });
  return pending;
}

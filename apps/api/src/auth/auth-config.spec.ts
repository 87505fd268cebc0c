import { loadConfig } from '@cluster/config';
import type { Database } from '@cluster/persistence';
import { AuthController } from './auth.controller';
import { TokenVerifier } from './token-verifier.service';

// GET /api/auth/config only reflects the configuration: pure logic, no server needed.
const controllerFor = (env: Record<string, string>) => {
  const config = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/db', ...env });
  return new AuthController(config, new TokenVerifier(config), {} as Database);
};

describe('GET /api/auth/config', () => {
  it('offers the dev login only, when no OIDC provider is configured', () => {
    expect(controllerFor({ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_DEV_LOGIN: 'true' }).authConfig()).toEqual({ devLogin: true, oidc: null });
  });

  it('names the provider, the public client and the scope when OIDC is configured', () => {
    const controller = controllerFor({
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_JWT_ALGORITHMS: 'RS256',
      OIDC_ISSUER_URL: 'https://idp.example',
      OIDC_CLIENT_ID: 'cluster-web',
    });
    expect(controller.authConfig()).toEqual({
      devLogin: false,
      oidc: { issuer: 'https://idp.example', clientId: 'cluster-web', scope: 'openid profile email' },
    });
  });
});

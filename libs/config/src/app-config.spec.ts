import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', AUTH_JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig({ ...base, PORT: '4100', TEMPORAL_TLS: 'true' });
    expect(config.PORT).toBe(4100);
    expect(config.TEMPORAL_TLS).toBe(true);
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config.migrationUrl).toBe(base.DATABASE_URL);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...base, AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() => loadConfig({ ...base, AUTH_JWT_ALGORITHMS: 'none' })).toThrow(/AUTH_JWT_ALGORITHMS/);
  });

  it('reads the optional variables too, and ignores the rest of the environment', () => {
    const config = loadConfig({ ...base, SMTP_HOST: 'mail.example', BOOTSTRAP_ADMIN_SUBJECT: 'first', DATABASE_MIGRATION_URL: 'postgres://o@h/db', PATH: '/bin' });
    expect(config).toMatchObject({ SMTP_HOST: 'mail.example', SMTP_PORT: 587, BOOTSTRAP_ADMIN_SUBJECT: 'first', migrationUrl: 'postgres://o@h/db' });
    expect(config).not.toHaveProperty('PATH');
  });

  it('reads the evidence signing key file, and treats an empty value as unset (the generated default)', () => {
    expect(loadConfig({ ...base, AUDIT_SIGNING_KEY_FILE: '/run/secrets/audit.pem' }).AUDIT_SIGNING_KEY_FILE).toBe('/run/secrets/audit.pem');
    expect(loadConfig({ ...base, AUDIT_SIGNING_KEY_FILE: '' }).AUDIT_SIGNING_KEY_FILE).toBeUndefined();
  });

  it('refuses the dev login in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true' })).toThrow(ConfigError);
  });

  it('accepts a JWKS URL instead of a secret', () => {
    const config = loadConfig({
      DATABASE_URL: base.DATABASE_URL,
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_JWT_ALGORITHMS: 'RS256,ES256',
    });
    expect(config.AUTH_JWT_ALGORITHMS).toEqual(['RS256', 'ES256']);
  });

  describe('OIDC sign-in', () => {
    const oidc = { DATABASE_URL: base.DATABASE_URL, AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_JWT_ALGORITHMS: 'RS256' };

    it('is off by default, with the standard scope', () => {
      const config = loadConfig(base);
      expect(config.OIDC_ISSUER_URL).toBeUndefined();
      expect(config.OIDC_CLIENT_ID).toBeUndefined();
      expect(config.OIDC_SCOPE).toBe('openid profile email');
    });

    it('reads issuer, client and scope', () => {
      const config = loadConfig({ ...oidc, OIDC_ISSUER_URL: 'https://idp.example', OIDC_CLIENT_ID: 'cluster-web', OIDC_SCOPE: 'openid email' });
      expect([config.OIDC_ISSUER_URL, config.OIDC_CLIENT_ID, config.OIDC_SCOPE]).toEqual(['https://idp.example', 'cluster-web', 'openid email']);
    });

    it('names what is missing or wrong', () => {
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER_URL: 'https://idp.example' })).toThrow(/OIDC_CLIENT_ID/);
      expect(() => loadConfig({ ...oidc, OIDC_CLIENT_ID: 'cluster-web' })).toThrow(/OIDC_ISSUER_URL/);
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER_URL: 'idp.example', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER_URL must be an http\(s\) URL/);
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER_URL: 'https://idp.example', OIDC_CLIENT_ID: 'x', OIDC_SCOPE: 'profile' })).toThrow(/OIDC_SCOPE must include openid/);
      expect(() => loadConfig({ ...base, OIDC_ISSUER_URL: 'https://idp.example', OIDC_CLIENT_ID: 'x' })).toThrow(/AUTH_JWKS_URL: required/);
    });
  });

  it("reads TRUST_PROXY (off by default) as Express's trust proxy setting", () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'yes please!' })).toThrow(/TRUST_PROXY must be/);
  });
});

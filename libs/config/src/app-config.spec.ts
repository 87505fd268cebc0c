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
});

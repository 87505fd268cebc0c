import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', AUTH_JWT_SECRET: 'x'.repeat(32) };

describe('document store settings', () => {
  it('defaults to a local folder and 20 MiB', () => {
    const config = loadConfig(base);
    expect(config.DOCUMENTS_DIR).toBeUndefined();
    expect(config.DOCUMENTS_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(config.S3_BUCKET).toBeUndefined();
  });

  it('reads the S3 settings', () => {
    const config = loadConfig({
      ...base,
      DOCUMENTS_MAX_BYTES: '2048',
      S3_BUCKET: 'cluster-documents',
      S3_ENDPOINT: 'http://minio:9000',
      S3_REGION: 'eu-west-1',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config).toMatchObject({ DOCUMENTS_MAX_BYTES: 2048, S3_BUCKET: 'cluster-documents', S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'eu-west-1', S3_FORCE_PATH_STYLE: true });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ ...base, DOCUMENTS_MAX_BYTES: 'lots' })).toThrow(/DOCUMENTS_MAX_BYTES/);
    expect(() => loadConfig({ ...base, DOCUMENTS_MAX_BYTES: '0' })).toThrow(/DOCUMENTS_MAX_BYTES/);
    expect(() => loadConfig({ ...base, DOCUMENTS_MAX_BYTES: String(2 ** 40) })).toThrow(/DOCUMENTS_MAX_BYTES/);
    expect(() => loadConfig({ ...base, S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...base, S3_BUCKET: 'bucket', S3_ACCESS_KEY_ID: 'key' })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it('refuses S3 settings without a bucket, which would silently store on local disk', () => {
    expect(() => loadConfig({ ...base, S3_ENDPOINT: 'http://minio:9000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET/);
  });
});

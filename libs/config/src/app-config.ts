import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  getMetadataStorage,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : String(value).split(',').map((s) => s.trim()).filter(Boolean);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting of api, worker and scripts. The property names are the environment variable
 * names, so a failed validation names exactly the variable to fix.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * `json`: one JSON object per line (production, files, log shippers). `pretty`: readable, coloured
   * lines for a person at a console; `npm start` picks it when its own output is a terminal.
   */
  @Transform(emptyToUndefined)
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @Transform(emptyToUndefined)
  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /**
   * Express's `trust proxy`: which reverse proxies' X-Forwarded-* headers to believe, so that a
   * request that reached the proxy over TLS counts as secure (HSTS is sent only then) and the rate
   * limit sees the client's address. `false` (default: the API is reached directly), a hop count
   * (`1`), or comma-separated addresses, subnets or Express's names (`loopback`, `uniquelocal`).
   * Never trust a proxy that is not there: clients could then fake their address and TLS.
   */
  @Transform(emptyToUndefined)
  @Matches(/^[\w.:/]+(\s*,\s*[\w.:/]+)*$/, { message: 'TRUST_PROXY must be false, true, a hop count, or comma-separated addresses/subnets (loopback, uniquelocal, 10.0.0.0/8)' })
  TRUST_PROXY = 'false';

  /** Connection of the application's own role (no TRUNCATE, does not own the audit table). */
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1, { message: 'DATABASE_URL is required (postgres://user:password@host:port/db)' })
  DATABASE_URL!: string;

  /** Connection that owns the schema and runs migrations; defaults to DATABASE_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_MIGRATION_URL?: string;

  /**
   * A superuser connection (to any database of the server). When set, `npm run db:setup` creates
   * the database of DATABASE_MIGRATION_URL and the login role of DATABASE_URL if they are missing.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_ADMIN_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_NAMESPACE = 'default';

  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_TASK_QUEUE = 'cluster-cases';

  @Transform(toBool)
  @IsBoolean()
  TEMPORAL_TLS = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CERT_PATH?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_KEY_PATH?: string;

  /** Temporal Cloud API key; implies TLS. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TEMPORAL_API_KEY?: string;

  /**
   * A workflow bundle built ahead of time (`bundleWorkflowCode`): the worker loads this file instead
   * of bundling the workflows with webpack at every start, so a restarted worker polls seconds
   * sooner. Unset: bundled at start.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TEMPORAL_WORKFLOW_BUNDLE?: string;

  @Transform(emptyToUndefined)
  @IsString()
  AUTH_JWT_ISSUER = 'cluster-cases-dev';

  @Transform(emptyToUndefined)
  @IsString()
  AUTH_JWT_AUDIENCE = 'cluster-cases-api';

  @Transform(toList)
  @IsIn(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256', 'EdDSA'], {
    each: true,
  })
  AUTH_JWT_ALGORITHMS: string[] = ['HS256'];

  /** Shared secret for HS* tokens (the dev login signs with it). */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => !c.AUTH_JWT_PUBLIC_KEY && !c.AUTH_JWKS_URL)
  @IsString({ message: 'AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL must be set' })
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  /** PEM public key of the token issuer. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWT_PUBLIC_KEY?: string;

  /** JWKS endpoint of an OIDC provider. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWKS_URL?: string;

  /** Enables POST /api/auth/dev-login. Never in production. */
  @Transform(toBool)
  @IsBoolean()
  AUTH_DEV_LOGIN = false;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  AUTH_DEV_TOKEN_TTL_SECONDS = 8 * 3600;

  /** Requests per client (signed-in user, else address) per minute; over it: 429. 0 = off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Sign-in through an OpenID Connect provider (authorization code + PKCE, in the browser): its
   * issuer URL (discovery at `/.well-known/openid-configuration`). Its access tokens are what the
   * API verifies (AUTH_JWKS_URL, AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE), so they must be JWTs.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'OIDC_ISSUER_URL must be an http(s) URL' })
  OIDC_ISSUER_URL?: string;

  /** The web app's client at the provider: a public client (no secret), code flow with PKCE. */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.OIDC_ISSUER_URL !== undefined || c.OIDC_CLIENT_ID !== undefined)
  @IsString({ message: 'OIDC_CLIENT_ID must be set together with OIDC_ISSUER_URL' })
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/(^|\s)openid(\s|$)/, { message: 'OIDC_SCOPE must include openid' })
  OIDC_SCOPE = 'openid profile email';

  /**
   * The first administrator of a fresh installation: `npm run db:setup` creates this user (role
   * admin) when no user has that subject yet. The subject is the `sub` of their tokens.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  BOOTSTRAP_ADMIN_SUBJECT?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  BOOTSTRAP_ADMIN_NAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  /**
   * Folder of the local document store (used when S3_BUCKET is not set). Defaults to
   * `<repo>/.data/documents`; in a container, point it at a volume.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  DOCUMENTS_DIR?: string;

  /** Largest accepted attachment in bytes (HTTP 413 above it). Uploads are held in memory. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256 * 1024 * 1024, { message: 'DOCUMENTS_MAX_BYTES must be at most 268435456 (256 MiB)' })
  DOCUMENTS_MAX_BYTES = 20 * 1024 * 1024;

  /** Endpoint of an S3-compatible store (MinIO, Ceph, ...); unset for AWS S3 itself. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  /** When set, documents are stored in this bucket instead of DOCUMENTS_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'S3_BUCKET must be a bucket name' })
  S3_BUCKET?: string;

  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  /** Static credentials; both or neither (neither: the SDK's default chain, e.g. an instance role). */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.S3_ACCESS_KEY_ID !== undefined || c.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together' })
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.S3_ACCESS_KEY_ID !== undefined || c.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together' })
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (`endpoint/bucket/key`); defaults to true when S3_ENDPOINT is set, as most S3-compatible servers need. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;

  /** SMTP server for e-mail notifications; without it notifications stay in the app only. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsString()
  SMTP_FROM = 'Clusterbeleid Vlaanderen <no-reply@clusterbeleid.example>';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  EMAIL_POLL_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EMAIL_MAX_ATTEMPTS = 8;

  /**
   * Ed25519 private key (PKCS#8 PEM file) that signs the evidence bundles auditors download. Unset:
   * `<repo>/.data/keys/audit-ed25519.pem`, generated on first start (mode 0600). Auditors pin its
   * public key (GET /api/audit/signing-key), so keep it and back it up like a certificate's key.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUDIT_SIGNING_KEY_FILE?: string;

  /** Directory with the built web app, served at / when present. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** TRUST_PROXY as Express's `trust proxy` setting takes it. */
  get trustProxy(): boolean | number | string {
    if (this.TRUST_PROXY === 'false' || this.TRUST_PROXY === 'true') return this.TRUST_PROXY === 'true';
    return /^\d+$/.test(this.TRUST_PROXY) ? Number(this.TRUST_PROXY) : this.TRUST_PROXY;
  }

  get migrationUrl(): string {
    return this.DATABASE_MIGRATION_URL ?? this.DATABASE_URL;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The variable names: every property that carries a validation rule. */
const KNOWN_KEYS = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(AppConfig, '', true, false)
    .map((m) => m.propertyName),
);

/**
 * Reads and validates the configuration once. Only this library reads process.env.
 * Throws ConfigError naming each bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && (KNOWN_KEYS.has(key) || /^(AUTH|TEMPORAL|DOCUMENTS|S3)_/.test(key))) {
      raw[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  if (config.AUTH_DEV_LOGIN && config.NODE_ENV === 'production') {
    throw new ConfigError(['AUTH_DEV_LOGIN: must not be enabled when NODE_ENV=production']);
  }
  if (config.OIDC_CLIENT_ID && !config.OIDC_ISSUER_URL) {
    throw new ConfigError(['OIDC_ISSUER_URL: required when OIDC_CLIENT_ID is set']);
  }
  if (config.OIDC_ISSUER_URL && !config.AUTH_JWKS_URL && !config.AUTH_JWT_PUBLIC_KEY) {
    // The provider's tokens could never be verified: every OIDC sign-in would end in a 401.
    throw new ConfigError(['AUTH_JWKS_URL: required when OIDC_ISSUER_URL is set (the provider\'s signing keys; or AUTH_JWT_PUBLIC_KEY)']);
  }
  if (!config.S3_BUCKET && (config.S3_ENDPOINT || config.S3_ACCESS_KEY_ID || config.S3_FORCE_PATH_STYLE !== undefined)) {
    // Half an S3 configuration would silently store documents on local disk instead.
    throw new ConfigError(['S3_BUCKET: required when other S3_* settings are given']);
  }
  return config;
}

// A minimal OpenID Connect provider for browser tests, loopback only: discovery, an /authorize
// that signs the configured user in without asking (and redirects back with a code), a /token
// that insists on PKCE (S256) and issues RS256 JWTs, and the JWKS to verify them.
// (oidc-provider is ESM-only and would need Jest's experimental VM modules; this is all we need.)
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export interface TestIdpOptions {
  /** The `sub` of whoever signs in at /authorize. */
  subject: string;
  name: string;
  /** The only client accepted (public: no secret, PKCE required). */
  clientId: string;
  /** The `aud` of access tokens: the API's AUTH_JWT_AUDIENCE. */
  audience: string;
}

export interface TestIdp {
  issuer: string;
  jwksUrl: string;
  /** Codes redeemed with a matching PKCE verifier. */
  readonly redeemed: number;
  /** An access token for any subject (e.g. an admin, to set the test up through the API). */
  accessTokenFor(subject: string, name?: string): string;
  stop(): Promise<void>;
}

interface PendingCode {
  redirectUri: string;
  challenge: string;
  nonce?: string;
  expires: number;
}

const KID = 'test-idp-1';
const base64url = (buffer: Buffer) => buffer.toString('base64url');

export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  let issuer = '';
  let redeemed = 0;

  const sign = (claims: Record<string, unknown>, subject: string, audience: string) =>
    jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: KID, issuer, audience, subject, expiresIn: 3600 });
  const accessTokenFor = (subject: string, name = subject) => sign({ name, scope: 'openid profile email' }, subject, options.audience);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== options.clientId || !/^http:\/\/127\.0\.0\.1:\d+\//.test(redirectUri)) {
      return send(res, 400, { error: 'invalid_request', error_description: 'unknown client or redirect_uri' });
    }
    const back = new URL(redirectUri);
    back.searchParams.set('state', q.get('state') ?? '');
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', 'code flow with PKCE (S256) required');
    } else {
      const code = base64url(randomBytes(24));
      codes.set(code, { redirectUri, challenge: q.get('code_challenge')!, nonce: q.get('nonce') ?? undefined, expires: Date.now() + 60_000 });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { Location: back.toString() });
    res.end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = new URLSearchParams(body);
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code); // one use only
    const verifier = form.get('code_verifier') ?? '';
    if (
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== options.clientId ||
      !pending ||
      pending.expires < Date.now() ||
      pending.redirectUri !== form.get('redirect_uri') ||
      base64url(createHash('sha256').update(verifier).digest()) !== pending.challenge
    ) {
      return send(res, 400, { error: 'invalid_grant' });
    }
    redeemed += 1;
    const idToken = sign({ name: options.name, nonce: pending.nonce, sid: randomUUID() }, options.subject, options.clientId);
    send(res, 200, { access_token: accessTokenFor(options.subject, options.name), id_token: idToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile email' });
  };

  const server = createServer((req, res) => {
    // The browser calls discovery, token and JWKS from the app's origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['none'],
        scopes_supported: ['openid', 'profile', 'email'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });
    if (req.method === 'GET' && url.pathname === '/authorize') return authorize(url, res);
    if (req.method === 'POST' && url.pathname === '/token') {
      return void token(req, res).catch(() => send(res, 500, { error: 'server_error' }));
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    get redeemed() {
      return redeemed;
    },
    accessTokenFor,
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startHttpStack, type HttpStack } from '../support/http-stack';

/**
 * Tokens from an external identity provider (RS256 with a configured public key), the dev login
 * switched off: what production looks like.
 */
describe('bearer tokens from an external issuer', () => {
  let s: HttpStack;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const issuer = 'https://idp.example.be/realms/ewi';
  const audience = 'cluster-cases-api';

  beforeAll(async () => {
    s = await startHttpStack({
      AUTH_DEV_LOGIN: 'false',
      AUTH_JWT_SECRET: '',
      AUTH_JWT_PUBLIC_KEY: publicPem,
      AUTH_JWT_ALGORITHMS: 'RS256',
      AUTH_JWT_ISSUER: issuer,
      AUTH_JWT_AUDIENCE: audience,
    });
  });
  afterAll(() => s?.stop());

  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign(claims, privateKey, { algorithm: 'RS256', issuer, audience, subject: 'auditor', expiresIn: 300, ...options });
  /** A token assembled by hand, for the attacks a signing library would refuse to make. */
  const handmade = (header: object, payload: object, signature: (input: string) => string) => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${signature(input)}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({ sub: 'auditor', iss: issuer, aud: audience, iat: now(), exp: now() + 300 });
  const get = (token?: string) => {
    const req = s.http().get('/api/cases');
    return token === undefined ? req : req.set('authorization', `Bearer ${token}`);
  };

  it('accepts a valid token and maps its subject to our user and roles', async () => {
    await get(sign({})).expect(200);
    const me = await s.http().get('/api/auth/me').set('authorization', `Bearer ${sign({})}`).expect(200);
    expect(me.body).toMatchObject({ subject: 'auditor', roles: ['auditor'] });
  });

  it.each([
    ['no token', undefined],
    ['garbage', 'not.a.token'],
    ['expired', jwt.sign({ ...claims(), exp: now() - 60 }, privateKey, { algorithm: 'RS256' })],
    ['not yet valid', sign({}, { notBefore: 3600 })],
    ['wrong audience', sign({}, { audience: 'another-api' })],
    ['wrong issuer', sign({}, { issuer: 'https://evil.example' })],
    ['unknown user', sign({}, { subject: 'nobody' })],
    ['alg none', handmade({ alg: 'none', typ: 'JWT' }, claims(), () => '')],
    ['HS256 signed with the public key', handmade({ alg: 'HS256', typ: 'JWT' }, claims(), (i) => createHmac('sha256', publicPem).update(i).digest('base64url'))],
    ['forged signature', sign({}).replace(/\.[^.]+$/, '.c2lnbmF0dXJl')],
  ])('answers 401 for %s', async (_name, token) => {
    const res = await get(token).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });
  });

  it('does not offer the dev login', async () => {
    await s.http().post('/api/auth/dev-login').send({ subject: 'handler' }).expect(404);
    await s.http().get('/api/auth/dev-users').expect(404);
  });
});

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig } from '@cluster/config';
import { createApiApp } from '@cluster/api';
import { startHttpStack, type HttpStack } from '../support/http-stack';

/** The policy every page and answer carries, directive by directive. */
function directives(header: string | undefined): Record<string, string> {
  return Object.fromEntries((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]));
}

/**
 * The security headers over HTTP on each kind of answer: the web app's page and files, an API JSON
 * answer, API errors (401, 404, and a 400 for a body that is not JSON, refused before any route),
 * and the Swagger UI; HSTS only when a trusted proxy says the browser used TLS.
 */
describe('security headers', () => {
  let s: HttpStack;
  let webDir: string;

  beforeAll(async () => {
    // A stand-in for the built app: the headers do not depend on what the files say.
    webDir = mkdtempSync(join(tmpdir(), 'security-headers-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'export {};');
    s = await startHttpStack({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await s?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });

  function expectBaseHeaders(res: request.Response, what: string): void {
    const csp = directives(res.headers['content-security-policy']);
    expect({ what, csp }).toEqual({
      what,
      csp: expect.objectContaining({
        'default-src': "'self'",
        'script-src': "'self'",
        'script-src-attr': "'none'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
      }),
    });
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect({ what, nosniff: res.headers['x-content-type-options'], referrer: res.headers['referrer-policy'], frame: res.headers['x-frame-options'], hsts: res.headers['strict-transport-security'] }).toEqual({
      what,
      nosniff: 'nosniff',
      referrer: 'no-referrer',
      frame: 'DENY',
      hsts: undefined, // plain http, no trusted proxy
    });
  }

  it('on the web app: its page and its files (which stay cacheable)', async () => {
    const page = await s.http().get('/').expect(200).expect('Content-Type', /text\/html/);
    expectBaseHeaders(page, 'GET /');
    expect(page.headers['cache-control']).not.toContain('no-store');
    const route = await s.http().get('/cases/some-route-of-the-app').expect(200);
    expectBaseHeaders(route, 'GET /cases/…');
    const asset = await s.http().get('/assets/app.js').expect(200);
    expectBaseHeaders(asset, 'GET /assets/app.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('on API answers: JSON with personal data, never stored', async () => {
    const list = await s.http().get('/api/cases').set(await as('handler')).expect(200).expect('Content-Type', /json/);
    expectBaseHeaders(list, 'GET /api/cases');
    expect(list.headers['cache-control']).toBe('no-store');
    const me = await s.http().get('/api/auth/me').set(await as('handler')).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('on API errors too: 401, 404 and a 400 refused before any route', async () => {
    const unauthorised = await s.http().get('/api/cases').expect(401);
    expectBaseHeaders(unauthorised, '401');
    expect(unauthorised.headers['cache-control']).toBe('no-store');
    const missing = await s.http().get('/api/no-such-thing').set(await as('handler')).expect(404);
    expectBaseHeaders(missing, '404');
    expect(missing.headers['cache-control']).toBe('no-store');
    const malformed = await s.http().post('/api/cases').set(await as('handler')).set('Content-Type', 'application/json').send('{"clusterName": ').expect(400);
    expectBaseHeaders(malformed, '400 malformed JSON');
    expect(malformed.headers['cache-control']).toBe('no-store');
    expect(malformed.body).toMatchObject({ statusCode: 400 });
  });

  it('on the Swagger UI: inline styles allowed there only, scripts as strict as in the app', async () => {
    const docs = await s.http().get('/api/docs').redirects(1).expect(200).expect('Content-Type', /text\/html/);
    expect(directives(docs.headers['content-security-policy'])).toMatchObject({ 'script-src': "'self'", 'style-src': "'self' 'unsafe-inline'", 'img-src': "'self' data:", 'frame-ancestors': "'none'" });
    const json = await s.http().get('/api/docs-json').expect(200);
    expect(directives(json.headers['content-security-policy'])).toMatchObject({ 'style-src': "'self'" });
  });

  it('does not take X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const res = await s.http().get('/').set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  describe('behind a TLS-terminating proxy (TRUST_PROXY=loopback)', () => {
    let proxied: INestApplication;
    beforeAll(async () => {
      const config = Object.assign(Object.create(AppConfig.prototype) as AppConfig, s.config, { TRUST_PROXY: 'loopback' });
      proxied = await createApiApp(config);
      await proxied.init();
    });
    afterAll(() => proxied?.close());

    it('sends HSTS when the proxy says the browser came over https, and only then', async () => {
      const overTls = await request(proxied.getHttpServer()).get('/api/cases').set('X-Forwarded-Proto', 'https').expect(401);
      expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const page = await request(proxied.getHttpServer()).get('/').set('X-Forwarded-Proto', 'https').expect(200);
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await request(proxied.getHttpServer()).get('/').set('X-Forwarded-Proto', 'http').expect(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });
  });
});

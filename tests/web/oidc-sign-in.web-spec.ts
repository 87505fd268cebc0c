import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, newPage, screenshot, settled, startWebStack, webText, type WebStack } from '../support/browser';
import { startTestIdp, type TestIdp } from '../support/test-idp';

/** The part of the browser's sessionStorage the checks read (no DOM types in the tests' tsconfig). */
type BrowserStorage = { getItem(key: string): string | null };

/**
 * Sign-in through an OpenID Connect provider in a real browser: the sign-in page offers the
 * provider (beside the dev login), the authorization code flow with PKCE runs against a loopback
 * test provider, and its RS256 access token is what the API then accepts (roles from our users).
 */
describe('sign in with an OIDC provider', () => {
  const audience = 'cluster-cases-api';
  const clientId = 'cluster-web';
  const tester = { subject: 'oidc.tester', name: 'Olivia Oidc-Tester' };
  let idp: TestIdp;
  let stack: WebStack;
  let browser: Browser;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    let started = Date.now();
    idp = await startTestIdp({ ...tester, clientId, audience });
    stack = await startWebStack({
      AUTH_DEV_LOGIN: 'true', // both ways to sign in show
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_JWT_ALGORITHMS: 'RS256',
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: audience,
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: clientId,
    });
    timings.stackMs = Date.now() - started;
    // Our users table decides the roles: an administrator (signed in at the provider) adds the tester.
    await stack
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${idp.accessTokenFor('admin')}`)
      .send({ subject: tester.subject, displayName: tester.name, email: 'olivia@example.be', organisation: 'Departement EWI', roles: ['case_handler'], reason: 'Nieuwe gebruiker in de test' })
      .expect(201);
    started = Date.now();
    const launched = await launchBrowser();
    browser = launched.browser;
    timings.chromiumLaunchMs = launched.launchMs;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await idp?.stop();
    process.stdout.write(`\n[oidc sign-in] ${JSON.stringify(timings)}\n`);
  });

  it('tells the web app about the provider (GET /api/auth/config, no token)', async () => {
    const res = await stack.http().get('/api/auth/config').expect(200);
    expect(res.body).toEqual({ devLogin: true, oidc: { issuer: idp.issuer, clientId, scope: 'openid profile email' } });
  });

  it('signs in through the provider with PKCE and lands on the inbox, signed in', async () => {
    const { context, page } = await newPage(browser, stack);
    try {
      await page.goto('/');
      await settled(page);
      const provider = new URL(idp.issuer).host;
      const button = page.getByRole('button', { name: webText('nl', 'oidc.signIn').replace('{{provider}}', provider) });
      // The dev login's seeded users stay beside it.
      await page.getByRole('heading', { name: webText('nl', 'oidc.devHeading') }).waitFor();
      await checkA11y(page, 'sign-in with OIDC and dev login');
      await screenshot(page, 'oidc-sign-in');

      const started = Date.now();
      await button.click();
      await page.locator('header nav').waitFor();
      timings.signInRoundTripMs = Date.now() - started;
      expect(await page.locator('header').textContent()).toContain(tester.name);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(idp.redeemed).toBe(1);
      await screenshot(page, 'oidc-signed-in');

      // The stored token is the provider's access token, and the API accepts it.
      const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: BrowserStorage }).sessionStorage.getItem('token'));
      expect(token).toBeTruthy();
      const headers = { Authorization: `Bearer ${token}` };
      const me = await page.request.get('/api/auth/me', { headers });
      expect(me.status()).toBe(200);
      expect(await me.json()).toMatchObject({ subject: tester.subject, roles: ['case_handler'] });
      expect((await page.request.get('/api/cases', { headers })).status()).toBe(200);

      // Signing out forgets both the API token and the provider's user of this tab.
      const signInKeys = () => page.evaluate(() => Object.keys((globalThis as unknown as { sessionStorage: object }).sessionStorage).filter((k) => k === 'token' || k.startsWith('oidc.user:')).sort());
      expect(await signInKeys()).toEqual([`oidc.user:${idp.issuer}:${clientId}`, 'token']);
      await page.getByRole('button', { name: webText('nl', 'nav.signOut') }).click();
      await button.waitFor();
      await page.waitForFunction(() => !Object.keys((globalThis as unknown as { sessionStorage: object }).sessionStorage).some((k) => k.startsWith('oidc.user:')));
      expect(await signInKeys()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

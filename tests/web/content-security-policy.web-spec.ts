import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, settled, signIn, startWebStack, webText, type WebStack } from '../support/browser';
import { watchCsp, type CspWatch } from '../support/csp';
import { demoUser } from '../support/fixtures';

/** The parts of the page's globals the checks read (no DOM types in the tests' tsconfig). */
type Scope = Record<string, unknown> & {
  document: {
    createElement(tag: string): { textContent: string; src: string; setAttribute(name: string, value: string): void };
    body: { appendChild(node: unknown): void };
  };
};

/**
 * The web app under its real Content-Security-Policy in a real browser: it signs in, shows the
 * inbox, the case list and a case with not one violation (so the policy breaks nothing), while a
 * script injected into the page (as an XSS would: inline, as an event-handler attribute, or from
 * another origin) never runs, so it could not read the token in sessionStorage.
 */
describe('Content-Security-Policy in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    const handler = await stack.tokenFor('handler');
    const created = await stack
      .http()
      .post('/api/cases')
      .set('Authorization', `Bearer ${handler}`)
      .send({
        clusterName: 'Veilige cluster',
        domain: 'Cyberveiligheid',
        leadActors: ['Lead NV'],
        partners: ['KU Leuven'],
        accountManagerId: demoUser('handler').id,
        reason: 'CSP-test',
      })
      .expect(201);
    caseId = created.body.id;
    browser = (await launchBrowser()).browser;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function watchedPage(): Promise<{ page: Page; csp: CspWatch; errors: string[]; close(): Promise<void> }> {
    const { context, page } = await newPage(browser, stack);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, csp: await watchCsp(page), errors, close: () => context.close() };
  }

  it('signs in and shows the inbox, the cases and a case with no violation', async () => {
    const { page, csp, errors, close } = await watchedPage();
    try {
      const first = await page.goto('/');
      expect(first?.headers()['content-security-policy']).toContain("script-src 'self';");
      await signIn(page, 'handler');
      await settled(page);
      expect(await page.locator('h1').textContent()).toBe(webText('nl', 'inbox.title'));
      expect(await csp.violations()).toEqual([]);

      await page.goto('/cases');
      await settled(page);
      await page.getByText('Veilige cluster').first().waitFor();
      expect(await csp.violations()).toEqual([]);

      await page.goto(`/cases/${caseId}`);
      await settled(page);
      await screenshot(page, 'csp-case-page');
      expect(await csp.violations()).toEqual([]);
      expect({ console: csp.consoleMessages, errors }).toEqual({ console: [], errors: [] });
    } finally {
      await close();
    }
  });

  it('does not run a script injected into the page: inline, as an onerror attribute, or from another origin', async () => {
    const { page, csp, close } = await watchedPage();
    try {
      await signIn(page, 'handler');
      await settled(page);
      await page.evaluate(() => {
        const scope = globalThis as unknown as Scope;
        const inline = scope.document.createElement('script');
        inline.textContent = 'window.__pwned = sessionStorage.getItem("token")';
        scope.document.body.appendChild(inline);
        const img = scope.document.createElement('img');
        img.setAttribute('onerror', 'window.__pwnedByAttribute = true');
        img.src = '/no-such-image.png'; // same origin (allowed as an image), not an image: onerror would fire
        scope.document.body.appendChild(img);
        const remote = scope.document.createElement('script');
        remote.src = 'http://127.0.0.2:9/steal.js';
        scope.document.body.appendChild(remote);
      });
      // Violations are reported asynchronously; all three must arrive.
      for (const deadline = Date.now() + 5000; (await csp.violations()).length < 3 && Date.now() < deadline; ) await page.waitForTimeout(50);
      const ran = await page.evaluate(() => {
        const scope = globalThis as unknown as Scope;
        return { inline: scope.__pwned, attribute: scope.__pwnedByAttribute };
      });
      expect(ran).toEqual({ inline: undefined, attribute: undefined });
      const blocked = (await csp.violations()).map((v) => `${v.effectiveDirective} ${v.blockedURI}`).sort();
      expect(blocked).toEqual(['script-src-attr inline', 'script-src-elem http://127.0.0.2:9/steal.js', 'script-src-elem inline']);
      // The app itself goes on working.
      expect(await page.locator('h1').textContent()).toBe(webText('nl', 'inbox.title'));
    } finally {
      await close();
    }
  });

  it('serves the Swagger UI under its own policy (styles inline, scripts still files only) with no violation', async () => {
    const { page, csp, errors, close } = await watchedPage();
    try {
      const res = await page.goto('/api/docs');
      const policy = res?.headers()['content-security-policy'] ?? '';
      expect(policy).toContain("style-src 'self' 'unsafe-inline';");
      expect(policy).toContain("script-src 'self';");
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Cluster cases API' }).waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      await page.locator('.opblock-summary').first().click();
      await page.locator('.opblock-body').first().waitFor();
      await screenshot(page, 'csp-swagger-ui');
      expect(await csp.violations()).toEqual([]);
      expect({ console: csp.consoleMessages, errors }).toEqual({ console: [], errors: [] });
    } finally {
      await close();
    }
  });
});

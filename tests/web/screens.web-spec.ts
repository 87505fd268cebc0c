import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  assertNoViolations,
  byImpact,
  launchBrowser,
  newPage,
  runAxe,
  screenshot,
  settled,
  signIn,
  startWebStack,
  webText,
  type A11yViolation,
  type WebStack,
} from '../support/browser';
import { seedCases, type SeededCases } from './seed-cases';

/**
 * Each role's main screens in a real browser, at desktop width (1280 px) and at tablet width
 * (768 px): one h1, no axe-core violation of any impact (WCAG 2 A/AA), no uncaught script error,
 * nothing wider than the window at 768 px, a screenshot in .data/artifacts/screenshots/. To cover
 * a new screen, add a line to SCREENS.
 */
interface Screen {
  name: string;
  path: (seed: SeededCases) => string;
}

const SCREENS: Record<string, Screen[]> = {
  handler: [
    { name: 'inbox', path: () => '/' },
    { name: 'cases', path: () => '/cases' },
    { name: 'case', path: (seed) => `/cases/${seed.decisionCaseId}` },
    { name: 'approvals', path: () => '/approvals' },
    { name: 'handover', path: () => '/handover' },
    { name: 'call', path: (seed) => `/calls/${seed.callId}` },
  ],
  approver: [
    { name: 'inbox', path: () => '/' },
    { name: 'approvals', path: () => '/approvals' },
    { name: 'case', path: (seed) => `/cases/${seed.decisionCaseId}` },
  ],
  'council-ri': [
    { name: 'inbox', path: () => '/' },
    { name: 'calls', path: () => '/calls' },
    { name: 'council', path: () => '/council' },
    { name: 'council-request', path: (seed) => `/council/requests/${seed.adviceRequestRI}` },
  ],
  'cluster-rep': [
    { name: 'inbox', path: () => '/' },
    { name: 'case', path: (seed) => `/cases/${seed.decisionCaseId}` },
  ],
  // Reads every case to steer the portfolio (issue 14); opens calls on the calls screen.
  'policy-owner': [
    { name: 'inbox', path: () => '/' },
    { name: 'cases', path: () => '/cases' },
    { name: 'case', path: (seed) => `/cases/${seed.decisionCaseId}` },
    { name: 'calls', path: () => '/calls' },
    { name: 'call', path: (seed) => `/calls/${seed.callId}` },
    // Its candidates side by side and the proposal form.
    { name: 'call-selection', path: (seed) => `/calls/${seed.selectionCallId}` },
    { name: 'european-alignment', path: () => '/european-alignment' },
    { name: 'portfolio', path: () => '/portfolio' },
  ],
  auditor: [
    { name: 'audit', path: () => '/audit' },
    { name: 'portfolio', path: () => '/portfolio' },
    { name: 'call-selection', path: (seed) => `/calls/${seed.selectionCallId}` },
    { name: 'case', path: (seed) => `/cases/${seed.decisionCaseId}` },
  ],
  admin: [
    { name: 'admin', path: () => '/admin' },
    { name: 'users', path: () => '/admin/users' },
    { name: 'handover', path: () => '/handover' },
  ],
  // The second administrator, with the first one's proposal waiting for them.
  admin2: [{ name: 'admin', path: () => '/admin' }],
};

const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1280, height: 900 };
/** nl-BE dates, whatever the interface language (apps/web/src/format). */
const belgianDate = new Intl.DateTimeFormat('nl-BE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Brussels' });

interface ScreenReport {
  screen: string;
  h1: string;
  violations: Record<string, number>;
  /** Until the h1 shows and nothing is loading. */
  loadMs: number;
  axeMs: number;
  /** Load, screenshot, checks and axe. */
  ms: number;
}

describe('the web app in a browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let seed: SeededCases;
  const reports: ScreenReport[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    let started = Date.now();
    stack = await startWebStack();
    timings.stackMs = Date.now() - started;
    started = Date.now();
    seed = await seedCases(stack);
    timings.seedMs = Date.now() - started;
    const launched = await launchBrowser();
    browser = launched.browser;
    timings.chromiumLaunchMs = launched.launchMs;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'screens-report.json'), JSON.stringify({ timings, screens: reports }, null, 2));
    const lines = reports.map((r) => `  ${r.screen.padEnd(24)} ${String(r.ms).padStart(5)} ms (load ${r.loadMs}, axe ${r.axeMs})  h1 "${r.h1}"  axe: ${JSON.stringify(r.violations)}`);
    process.stdout.write(`\n[web screens] ${JSON.stringify(timings)}\n${lines.join('\n')}\n`);
  });

  /** Opens `path`, checks what every screen must have, screenshots it; throws on any violation. */
  async function visit(page: Page, errors: string[], screen: string, path: string): Promise<A11yViolation[]> {
    const started = Date.now();
    await page.goto(path);
    await settled(page);
    const loadMs = Date.now() - started;
    await screenshot(page, screen);
    const h1 = page.locator('h1');
    expect({ screen, h1Count: await h1.count(), uncaughtErrors: errors }).toEqual({ screen, h1Count: 1, uncaughtErrors: [] });
    const axeStarted = Date.now();
    const violations = await runAxe(page);
    const axeMs = Date.now() - axeStarted;
    reports.push({ screen, h1: (await h1.textContent())?.trim() ?? '', violations: byImpact(violations), loadMs, axeMs, ms: Date.now() - started });
    assertNoViolations(violations, screen);
    return violations;
  }

  /** visit() at desktop width, then at tablet width, where nothing may force the page wider than the window. */
  async function atBothWidths(page: Page, errors: string[], screen: string, path: string): Promise<void> {
    await visit(page, errors, screen, path);
    await page.setViewportSize(TABLET);
    try {
      await visit(page, errors, `${screen}-768`, path);
      const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect({ screen, scrollWidth: width }).toEqual({ screen, scrollWidth: TABLET.width });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }

  /** A signed-in page of its own context; uncaught script errors are collected into `errors`. */
  async function signedIn(subject: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await newPage(browser, stack);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, subject);
    return { context, page, errors };
  }

  it('sign-in page at 1280 and 768 px', async () => {
    const { context, page } = await newPage(browser, stack, DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/');
    await page.getByRole('button', { name: /^An Peeters/ }).waitFor();
    await atBothWidths(page, errors, 'sign-in', '/');
    await context.close();
  });

  describe.each(Object.entries(SCREENS))('as %s', (subject, screens) => {
    let session: { context: BrowserContext; page: Page; errors: string[] };
    beforeAll(async () => {
      session = await signedIn(subject);
    });
    afterAll(async () => {
      await session?.context.close();
    });

    it.each(screens)('$name at 1280 and 768 px', async (screen) => {
      await atBothWidths(session.page, session.errors, `${subject}-${screen.name}`, screen.path(seed));
    }, 150_000);
  });

  it('switches the interface to English with the header select; dates stay Belgian (dd/mm/yyyy)', async () => {
    const { context, page, errors } = await signedIn('council-ri');
    const task = (await stack.http().get('/api/tasks').set({ authorization: `Bearer ${await stack.tokenFor('council-ri')}` }).expect(200)).body.items.find(
      (t: { caseId: string }) => t.caseId === seed.adviceCaseId,
    );
    expect(task?.dueAt).toBeDefined();
    const due = belgianDate.format(new Date(task.dueAt));
    expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    await page.goto('/');
    await settled(page);
    const nav = page.getByRole('navigation', { name: webText('nl', 'nav.label') });
    await nav.getByRole('link', { name: webText('nl', 'nav.inbox') }).waitFor();
    await page.getByRole('main').getByText(due).first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('nl-BE');

    await page.getByLabel(webText('nl', 'nav.language')).selectOption('en');
    const enNav = page.getByRole('navigation', { name: webText('en', 'nav.label') });
    await enNav.getByRole('link', { name: webText('en', 'nav.inbox') }).waitFor();
    expect(await enNav.getByRole('link', { name: webText('nl', 'nav.inbox') }).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: webText('en', 'inbox.title') }).waitFor();
    await page.getByRole('main').getByText(due).first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    await screenshot(page, 'council-ri-inbox-en');

    // Remembered in this browser: a reload stays English.
    await page.reload();
    await enNav.getByRole('link', { name: webText('en', 'nav.inbox') }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

// Real-browser harness for the web app: the real API (which serves the built app at /) listening
// on a loopback port, a headless Chromium driven by playwright-core, and the checks every screen
// gets (sign-in through the UI, axe-core accessibility, screenshots).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Result as AxeViolation } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHttpStack, type HttpStack } from './http-stack';

const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS_DIR = join(ROOT, '.data', 'artifacts');
const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'screenshots');

export interface WebStack extends HttpStack {
  /** e.g. http://127.0.0.1:41234 — the app at /, the API at /api. */
  baseUrl: string;
}

/** Where the built app is: this run's build (global setup), else apps/web/dist (WEB_BUILD=0). */
function webDist(): string {
  const dir = process.env.TEST_WEB_DIST ?? join(ROOT, 'apps', 'web', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built web app in ${dir}: run the tests without WEB_BUILD=0, or run \`npm run build:web\` first.`);
  }
  return dir;
}

/** The real API and worker (as startHttpStack) serving the built web app on a free loopback port. */
export async function startWebStack(overrides: Record<string, string> = {}): Promise<WebStack> {
  const stack = await startHttpStack({ WEB_DIST_DIR: webDist(), ...overrides });
  await stack.app.listen(0, '127.0.0.1');
  const server = stack.app.getHttpServer() as Server;
  // playwright-core's request API keeps sockets alive in one agent for every context. With Node's
  // 5 s default the server closes a socket idle that long just as the next test reuses it, and
  // that request fails with ECONNRESET; so idle sockets stay open for the whole test file.
  server.keepAliveTimeout = 10 * 60_000;
  const { port } = server.address() as AddressInfo;
  return { ...stack, baseUrl: `http://127.0.0.1:${port}` };
}

/** Debian's Chromium by default (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium; `launchMs` is how long it took to start. */
export async function launchBrowser(): Promise<{ browser: Browser; launchMs: number }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`);
  }
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, launchMs: Date.now() - started };
}

/** A fresh browser context (own storage, so its own session) on the stack, as a Belgian user. */
export async function newPage(browser: Browser, stack: WebStack, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: stack.baseUrl, viewport, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  // A screen that does not show within 10 s is broken; fail well before Jest's own timeout.
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Signs in through the UI's development sign-in page: the button of the user whose display name
 * belongs to `subject` (demo users and users created in the test alike). Expects a page of a fresh
 * context; resolves once the signed-in layout (its navigation) shows.
 */
export async function signIn(page: Page, subject: string): Promise<void> {
  const users = (await (await page.request.get('/api/auth/dev-users')).json()) as { subject: string; displayName: string }[];
  const user = users.find((u) => u.subject === subject);
  if (!user) throw new Error(`no dev user "${subject}" (have: ${users.map((u) => u.subject).join(', ')})`);
  await page.goto('/');
  try {
    await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(user.displayName)}(\\s|$)`) }).click();
    await page.locator('header nav').waitFor();
  } catch (error) {
    const shot = await screenshot(page, `failed-sign-in-${subject}`);
    throw new Error(`signing in as ${subject} failed at ${page.url()} (see ${shot}): ${error instanceof Error ? error.message : error}`);
  }
}

/** A text of the web app's translation files, e.g. webText('en', 'nav.inbox'), so tests follow the wording. */
export function webText(language: 'nl' | 'en', key: string): string {
  const dir = join(ROOT, 'apps', 'web', 'src', 'i18n', 'locales', language);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (typeof value === 'string') return value;
  }
  throw new Error(`no text ${key} in the ${language} translations`);
}

/** Waits until the screen has its h1 and no loading indicator (AsyncState's role=status common.loading). */
export async function settled(page: Page, timeout = 10_000): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout });
  const loading = new RegExp(`^(${escapeRegExp(webText('nl', 'common.loading'))}|${escapeRegExp(webText('en', 'common.loading'))})$`);
  await page.locator('[role="status"]').filter({ hasText: loading }).first().waitFor({ state: 'detached', timeout });
}

export type A11yViolation = AxeViolation;

let axeSource: string | undefined;
const AXE_SOURCE = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe-core (WCAG 2 A and AA rules) on the page as it is now; every violation. */
export async function runAxe(page: Page): Promise<A11yViolation[]> {
  // Evaluated by the DevTools protocol, which the page's CSP does not govern: an added <script>
  // (addScriptTag) is inline, so the app's policy rightly refuses it.
  await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> }; document: unknown };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations as A11yViolation[];
}

/** Throws, listing them readably, when there is any violation, whatever its impact (minor to critical). */
export function assertNoViolations(violations: A11yViolation[], screen: string): void {
  if (violations.length > 0) {
    throw new Error(`${screen}: ${violations.length} accessibility violation(s) (axe-core, WCAG 2 A/AA):\n${describeViolations(violations)}`);
  }
}

/** runAxe + assertNoViolations. */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  assertNoViolations(await runAxe(page), screen);
}

/** One block per rule: impact, rule, help and link, then each offending element and why. */
export function describeViolations(violations: A11yViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Violations counted by impact, e.g. { moderate: 1 } — empty when clean. */
export function byImpact(violations: A11yViolation[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of violations) counts[v.impact ?? 'unknown'] = (counts[v.impact ?? 'unknown'] ?? 0) + 1;
  return counts;
}

/**
 * A full-page PNG in .data/artifacts/screenshots/<name>.png; returns its path. Rendering a tall page
 * to PNG is CPU work, not the screen's speed: on 2 cores beside the worker-kill suite it took over
 * 10 s once (CI stop 18), so it gets its own, longer bound than the 10 s a screen has to show.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true, timeout: 40_000 });
  return path;
}

/**
 * Runs `work` as `subject` on the case page of `caseId`, in a context of its own that is closed
 * afterwards; on failure the page is screenshot (`failed-<label>`) and the error says where it was.
 */
export async function onCasePage(browser: Browser, stack: WebStack, subject: string, caseId: string, label: string, work: (page: Page) => Promise<void>): Promise<void> {
  return onPage(browser, stack, subject, `/cases/${caseId}`, label, work);
}

/** As onCasePage, on any path of the web app. */
export async function onPage(browser: Browser, stack: WebStack, subject: string, path: string, label: string, work: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser, stack);
  try {
    await signIn(page, subject);
    await page.goto(path);
    await settled(page);
    await work(page);
  } catch (error) {
    const shot = await screenshot(page, `failed-${label}`);
    throw new Error(`${subject} at ${page.url()} (see ${shot}): ${error instanceof Error ? error.message : error}`);
  } finally {
    await context.close();
  }
}

import type { Browser, Page } from 'playwright-core';
import { addDays, brusselsDate } from '@cluster/domain';
import { caseAt, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import { checkA11y, launchBrowser, onCasePage, onPage, screenshot, settled, startWebStack, webText, type WebStack } from '../support/browser';

const text = (key: string) => webText('nl', key);
const count = (key: string, n: number) => webText('nl', `${key}_${n === 1 ? 'one' : 'other'}`).replace('{{count}}', String(n));

/**
 * Calls for spearhead clusters in a real browser: a policy owner opens a call on the calls screen
 * (a deadline too close is refused beside its field, in words, and nothing is opened; corrected, the
 * call opens once and shows in the list with its envelopes in euro, exact to the cent); a case
 * handler then registers a drafting case to it from the case page, which names the call as a
 * link; the call's page lists the case among its candidates.
 */
describe('calls in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let drafting: StagedCase;
  const title = 'Oproep speerpuntclusters web 2027';
  const { get } = httpCalls(() => s);
  const callsNamed = async () => ((await get('auditor', 'calls?limit=100')).body.items as { id: string; title: string; envelopes: { instrumentCode: string; amountCents: number }[] }[]).filter((c) => c.title === title);

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    drafting = await caseAt(s, 'drafting', { label: 'web-oproep', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const form = (page: Page) => page.getByRole('form', { name: text('calls.open.title') });

  it('a policy owner opens a call: a deadline too close is refused beside its field, then the call opens and is listed', async () => {
    await onPage(browser, s, 'policy-owner', '/', 'calls-open', async (page) => {
      const attempts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/calls') attempts.push(r.headers()['x-request-id'] ?? '');
      });
      await page.getByRole('navigation', { name: text('nav.label') }).getByRole('link', { name: text('calls.nav'), exact: true }).click();
      await settled(page);
      await page.getByRole('heading', { level: 1, name: text('calls.title') }).waitFor();
      const f = form(page);
      const today = new Date();
      await f.getByLabel(text('calls.open.callTitle')).fill(title);
      await f.getByLabel(text('calls.open.description')).fill('Eerste oproep voor speerpuntclusters, getest in de browser.');
      await f.getByLabel(text('calls.open.periodStart')).fill(brusselsDate(today));
      await f.getByLabel(text('calls.open.periodEnd')).fill(brusselsDate(addDays(today, 365)));
      // Too close: registration needs at least 14 days.
      await f.getByLabel(text('calls.open.deadline'), { exact: false }).fill(brusselsDate(addDays(today, 3)));
      await f.getByLabel(text('calls.open.maxSelected')).fill('3');
      await f.getByLabel(text('calls.open.instrument').replace('{{n}}', '1')).selectOption('IWT');
      await f.getByLabel(text('calls.open.amount').replace('{{n}}', '1')).fill('12.500.000,50');
      await f.getByRole('button', { name: text('calls.open.addEnvelope') }).click();
      await f.getByLabel(text('calls.open.instrument').replace('{{n}}', '2')).selectOption('PMV');
      await f.getByLabel(text('calls.open.amount').replace('{{n}}', '2')).fill('2500000');
      await f.getByRole('button', { name: text('calls.open.submit') }).click();

      const deadlineError = f.locator('#call-submissionDeadline-error');
      await deadlineError.waitFor();
      expect(await deadlineError.innerText()).toMatch(/^De indiendatum moet minstens 14 dagen na vandaag liggen/);
      expect(await f.getByLabel(text('calls.open.deadline'), { exact: false }).getAttribute('aria-invalid')).toBe('true');
      expect(await callsNamed()).toEqual([]);
      await checkA11y(page, 'calls-open-field-error');
      await screenshot(page, 'calls-open-field-error');

      // Corrected and sent again (the same request id: a retry, not a second call).
      await f.getByLabel(text('calls.open.deadline'), { exact: false }).fill(brusselsDate(addDays(today, 30)));
      await f.getByRole('button', { name: text('calls.open.submit') }).click();
      await page.getByText(text('calls.open.done')).waitFor();
      // Both attempts carried one request id: had the first answer been lost, the retry would not open a second call.
      expect(attempts).toHaveLength(2);
      expect(attempts[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(attempts[1]).toBe(attempts[0]);
      expect(await f.locator('#call-submissionDeadline-error').count()).toBe(0);

      const row = page.getByRole('table', { name: text('calls.caption') }).getByRole('row').filter({ hasText: title });
      await row.getByText(text('calls.status.open')).waitFor();
      await row.getByText(count('calls.candidateCount', 0)).waitFor();
      await row.getByText('IWT – innovatiesteun: € 12.500.000,50').waitFor();
      await row.getByText('PMV – investeringsmaatschappij: € 2.500.000,00').waitFor();
      await row.getByText(/\(Brusselse tijd\)$/).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/\b(calls|callPage)\.[\w.]+/);
      await checkA11y(page, 'calls-opened');
      await screenshot(page, 'calls-opened');
    });
    const opened = await callsNamed();
    expect(opened).toHaveLength(1);
    // Typed euros became integer cents exactly.
    expect(opened[0]!.envelopes).toEqual([{ instrumentCode: 'IWT', amountCents: 1_250_000_050 }, { instrumentCode: 'PMV', amountCents: 250_000_000 }]);
  });

  it('a case handler registers the drafting case to the call from the case page; the call lists it as a candidate', async () => {
    const [call] = await callsNamed();
    await onCasePage(browser, s, 'handler', drafting.id, 'calls-register', async (page) => {
      const facts = page.getByRole('region', { name: text('casePage.facts') });
      await facts.getByText(text('caseCall.none')).waitFor();
      await facts.getByText(text('caseCall.register.title'), { exact: true }).first().click();
      const f = page.getByRole('form', { name: text('caseCall.register.title') });
      const submit = f.getByRole('button', { name: text('caseCall.register.submit') });
      expect(await submit.isDisabled()).toBe(true);
      await f.getByLabel(text('caseCall.register.call'), { exact: true }).selectOption(call!.id);
      await checkA11y(page, 'case-call-register-form');
      await submit.click();
      const link = facts.getByRole('link', { name: title });
      await link.waitFor();
      expect(await page.getByRole('form', { name: text('caseCall.register.title') }).count()).toBe(0);
      await checkA11y(page, 'case-call-registered');
      await screenshot(page, 'case-call-registered');

      await link.click();
      await settled(page);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const candidates = page.getByRole('region', { name: text('callPage.candidates') });
      await candidates.getByRole('link', { name: `Cluster ${drafting.label}` }).waitFor();
      await page.getByRole('region', { name: text('callPage.facts') }).getByText(count('calls.candidateCount', 1)).waitFor();
      await checkA11y(page, 'call-page');
      await screenshot(page, 'call-page');
    });
    expect((await get('handler', `cases/${drafting.id}`)).body.callId).toBe(call!.id);
  });

  it('a case whose roadmap was submitted is offered no registration', async () => {
    const submitted = await caseAt(s, 'assessors_assigned', { label: 'web-oproep-laat', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
    await onCasePage(browser, s, 'handler', submitted.id, 'calls-no-register', async (page) => {
      const facts = page.getByRole('region', { name: text('casePage.facts') });
      await facts.getByText(text('caseCall.none')).waitFor();
      // The same "may I" answer offers the account manager the project form: once it shows, the answer is in.
      await page.getByRole('region', { name: text('casePage.sections.projects') }).getByText(text('projects.add'), { exact: true }).first().waitFor();
      expect(await facts.getByText(text('caseCall.register.title'), { exact: true }).count()).toBe(0);
    });
  }, 120_000);
});

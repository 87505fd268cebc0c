import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CASE_STAGES, euroDecimal } from '@cluster/domain';
import { checkA11y, launchBrowser, onPage, screenshot, startWebStack, webText, type WebStack } from '../support/browser';
import { httpCalls } from '../support/http-calls';
import { createServices } from '../support/services';
import { seedPortfolio, type SeededCall, type SeededCase } from '../support/portfolio-seed';

const text = (key: string, values: Record<string, string | number> = {}) => Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, String(v)), webText('nl', key));

/**
 * The portfolio overview in a real browser: a policy owner sees the funnel and the budget per
 * instrument (charts and tables with the API's figures), filters by call, and downloads a
 * section as CSV; a cluster representative is not offered the screen.
 */
describe('the portfolio overview in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let calls: SeededCall[];
  let cases: SeededCase[];
  const { get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startWebStack();
    ({ calls, cases } = await seedPortfolio({ db: s.db.db, services: createServices(s.db.db), ownerUrl: s.db.ownerUrl, count: 36, seed: 2026 }));
    ({ browser } = await launchBrowser());
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it('shows the funnel and the budget per instrument, filters by call, and downloads a section as CSV', async () => {
    const all = (await get('policy-owner', 'portfolio')).body;
    const ofCall = (await get('policy-owner', `portfolio?callId=${calls[0]!.id}`)).body;
    await onPage(browser, s, 'policy-owner', '/', 'portfolio', async (page) => {
      await page.getByRole('navigation', { name: text('nav.label') }).getByRole('link', { name: text('portfolio.nav') }).click();
      await page.getByRole('heading', { level: 1, name: text('portfolio.title') }).waitFor();

      // The funnel: an image named by its title, saying each stage's count; the table beside it has the same counts.
      const funnel = page.getByRole('region', { name: text('portfolio.funnel.title'), exact: true });
      const chart = funnel.getByRole('img', { name: text('portfolio.funnel.chartTitle') });
      await chart.waitFor();
      expect(await chart.locator('desc').textContent()).toContain(`${all.funnel.total} dossiers`);
      const totals = funnel.getByRole('row', { name: new RegExp(`^${text('portfolio.total')}`) });
      expect((await totals.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([...all.funnel.stages.map((st: { count: number }) => String(st.count)), String(all.funnel.total)]);
      expect(await funnel.getByRole('columnheader').count()).toBe(CASE_STAGES.length + 2);

      // Budget per instrument: each instrument's row shows the API's sums in euro.
      const budget = page.getByRole('region', { name: text('portfolio.budget.title'), exact: true });
      await budget.getByRole('img', { name: text('portfolio.budget.chartTitle') }).waitFor();
      const belgian = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });
      for (const line of all.budget.instruments) {
        const row = budget.getByRole('row', { name: new RegExp(`^${line.instrumentCode}\\b`) });
        expect((await row.getByRole('cell').first().textContent())?.replace(/\s/g, ' ')).toBe(belgian.format(line.earmarkedCents / 100).replace(/\s/g, ' '));
      }
      // European alignment in short, with the full table a link away.
      const european = page.getByRole('region', { name: text('european.coverage.title'), exact: true });
      const coverage = (await get('policy-owner', 'portfolio/european-coverage')).body;
      await european.getByText(text('european.coverage.summary', { covered: coverage.coveredCount, uncovered: coverage.uncoveredCount, overlaps: coverage.overlaps.length })).waitFor();
      await european.getByRole('link', { name: text('portfolio.europeanLink') }).waitFor();
      await screenshot(page, 'portfolio-overview');
      await checkA11y(page, 'portfolio-overview');

      // Filter by call: the funnel follows.
      await page.getByLabel(text('portfolio.filters.call'), { exact: true }).selectOption(calls[0]!.id);
      await funnel.getByRole('img', { name: text('portfolio.funnel.chartTitle') }).locator('desc').filter({ hasText: `${ofCall.funnel.total} dossiers` }).waitFor({ state: 'attached' });
      expect(page.url()).toContain(`callId=${calls[0]!.id}`);

      // CSV of the budget for that call, as the API exports it.
      const [download] = await Promise.all([page.waitForEvent('download'), budget.getByRole('button', { name: text('portfolio.csv.download', { section: text('portfolio.budget.title') }) }).click()]);
      expect(download.suggestedFilename()).toBe('portfolio-budget.csv');
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFInstrument;Geoormerkt (EUR);')).toBe(true);
      expect(csv).toContain(`\r\nTotaal;${euroDecimal(ofCall.budget.total.earmarkedCents)};`);
    });
  }, 180_000);

  it('is not offered to a cluster representative', async () => {
    const rep = await httpCalls(() => s).post('admin', 'users', { subject: 'portfolio-web-rep', displayName: 'Vertegenwoordiger', email: 'portfolio-web-rep@example.be', organisation: 'Cluster', roles: ['cluster_representative'], caseIds: [cases[0]!.id], reason: 'Nieuwe gebruiker in de test' });
    expect(rep.status).toBe(201);
    await onPage(browser, s, 'portfolio-web-rep', '/', 'portfolio-rep', async (page) => {
      const nav = page.getByRole('navigation', { name: text('nav.label') });
      await nav.getByRole('link', { name: text('nav.inbox') }).waitFor();
      expect(await nav.getByRole('link', { name: text('portfolio.nav') }).count()).toBe(0);
      await page.goto('/portfolio');
      await page.getByRole('alert').filter({ hasText: 'portefeuilleoverzicht' }).waitFor();
    });
  }, 120_000);
});

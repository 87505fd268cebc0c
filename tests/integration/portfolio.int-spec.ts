import { CASE_STAGES, type PortfolioFilter } from '@cluster/domain';
import { PortfolioService, type PortfolioOverview } from '@cluster/cases';
import type { BudgetFigures } from '@cluster/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createServices } from '../support/services';
import { seedPortfolio, type SeededCall, type SeededCase } from '../support/portfolio-seed';

const SEED = 14_2026;
const FIGURES = ['earmarkedCents', 'requestedCents', 'approvedCents', 'releasedCents', 'remainingCents'] as const;
const zero = (): BudgetFigures => ({ earmarkedCents: 0, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 0 });
const add = (into: BudgetFigures, f: BudgetFigures) => FIGURES.forEach((k) => (into[k] += f[k]));

/**
 * The portfolio overview on 200 generated cases in every stage: each figure equals the sum of the
 * cases' own budget pages (GET /api/cases/:id/budget's service) to the cent, under every filter,
 * and the funnel equals the stages the cases are in.
 */
describe('portfolio overview on 200 generated cases', () => {
  let t: TestDatabase;
  let portfolio: PortfolioService;
  let services: ReturnType<typeof createServices>;
  let calls: SeededCall[];
  let cases: SeededCase[];
  /** Each case's own budget page, as the case page reads it. */
  const pages = new Map<string, Awaited<ReturnType<ReturnType<typeof createServices>['budget']['overview']>>>();
  const now = new Date();

  beforeAll(async () => {
    t = await createTestDatabase();
    services = createServices(t.db);
    portfolio = new PortfolioService(t.db);
    const started = Date.now();
    ({ calls, cases } = await seedPortfolio({ db: t.db, services, ownerUrl: t.ownerUrl, count: 200, seed: SEED, now }));
    for (const c of cases) pages.set(c.id, await services.budget.overview(c.id));
    process.stdout.write(`[portfolio] seeded ${cases.length} cases in ${Date.now() - started} ms (seed ${SEED})\n`);
  }, 600_000);
  afterAll(() => t.drop());

  const inFilter = (f: PortfolioFilter) => (c: SeededCase) =>
    (f.callId === undefined || (f.callId === 'none' ? c.plan.call === null : c.plan.call !== null && calls[c.plan.call]!.id === f.callId)) &&
    (f.year === undefined || c.plan.year === f.year) &&
    (f.stage === undefined || c.plan.stage === f.stage);

  const filters = (): PortfolioFilter[] => [{}, { callId: 'none' }, ...calls.map((c) => ({ callId: c.id })), { year: 2025 }, { year: 2026, callId: calls[0]!.id }, { stage: 'structured_dialogue' }, { stage: 'closed', year: 2025 }];

  it('generated a portfolio worth testing: every stage, both calls and none, earmarks, releases in every state', async () => {
    for (const stage of CASE_STAGES) expect(cases.some((c) => c.plan.stage === stage)).toBe(true);
    expect(cases.filter((c) => c.plan.call === null).length).toBeGreaterThan(0);
    const statuses = await t.sql<{ status: string; n: string }>(t.ownerUrl, `SELECT status, count(*) AS n FROM budget_releases GROUP BY status`);
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'requested', 'sent_back']);
    expect([...pages.values()].flat().length).toBeGreaterThan(50);
  });

  it('sums the budget per instrument exactly as the cases’ own budget pages, under every filter', async () => {
    for (const f of filters()) {
      const o = await portfolio.overview(f, {}, now);
      const expected = new Map<string, BudgetFigures>();
      const total = zero();
      for (const c of cases.filter(inFilter(f))) {
        for (const line of pages.get(c.id)!) {
          const into = expected.get(line.instrumentCode) ?? zero();
          add(into, line);
          add(total, line);
          expected.set(line.instrumentCode, into);
        }
      }
      expect(o.budget.instruments).toEqual([...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([instrumentCode, figures]) => ({ instrumentCode, ...figures })));
      expect(o.budget.total).toEqual(total);
      // The earmarks are what the plan booked, less what closing gave back (the pages are not merely consistent with themselves).
      const planned = cases.filter(inFilter(f)).flatMap((c) => c.plan.earmarks).reduce((a, e) => a + e.amountCents, 0);
      expect(total.earmarkedCents).toBeLessThanOrEqual(planned);
      for (const k of FIGURES) expect(Number.isSafeInteger(o.budget.total[k])).toBe(true);
    }
  });

  it('sets each call’s envelope beside the sum of its cases’ pages', async () => {
    const o = await portfolio.overview({}, {}, now);
    for (const call of calls) {
      const mine = cases.filter((c) => c.plan.call !== null && calls[c.plan.call]!.id === call.id);
      const codes = new Set([...call.envelopes.map((e) => e.instrumentCode), ...mine.flatMap((c) => pages.get(c.id)!.map((l) => l.instrumentCode))]);
      for (const code of codes) {
        const row = o.budget.envelopes.find((e) => e.callId === call.id && e.instrumentCode === code);
        const sum = zero();
        for (const c of mine) for (const l of pages.get(c.id)!) if (l.instrumentCode === code) add(sum, l);
        const envelope = call.envelopes.find((e) => e.instrumentCode === code)?.amountCents ?? 0;
        expect(row).toEqual({ callId: call.id, callTitle: call.title, instrumentCode: code, envelopeCents: envelope, unallocatedCents: envelope - sum.earmarkedCents, ...sum });
      }
      expect(o.budget.envelopes.filter((e) => e.callId === call.id)).toHaveLength(codes.size);
    }
    expect((await portfolio.overview({ callId: 'none' }, {}, now)).budget.envelopes).toEqual([]);
  });

  it('counts the funnel as the cases’ stages, per call and year, every stage in order', async () => {
    const stored = await t.sql<{ stage: string; n: string }>(t.ownerUrl, `SELECT stage, count(*) AS n FROM cases GROUP BY stage`);
    for (const f of filters()) {
      const o: PortfolioOverview = await portfolio.overview(f, {}, now);
      const mine = cases.filter(inFilter(f));
      expect(o.funnel.stages.map((s) => s.stage)).toEqual([...CASE_STAGES]);
      expect(o.funnel.stages).toEqual(CASE_STAGES.map((stage) => ({ stage, count: mine.filter((c) => c.plan.stage === stage).length })));
      expect(o.funnel.total).toBe(mine.length);
      for (const g of o.funnel.groups) {
        const group = mine.filter((c) => c.plan.year === g.year && (g.callId === null ? c.plan.call === null : c.plan.call !== null && calls[c.plan.call]!.id === g.callId));
        expect(g.stages).toEqual(CASE_STAGES.map((stage) => ({ stage, count: group.filter((c) => c.plan.stage === stage).length })));
        expect(g.callTitle).toBe(g.callId === null ? null : calls.find((c) => c.id === g.callId)!.title);
      }
      expect(o.funnel.groups.reduce((a, g) => a + g.total, 0)).toBe(mine.length);
    }
    const all = await portfolio.overview({}, {}, now);
    expect(Object.fromEntries(all.funnel.stages.filter((s) => s.count > 0).map((s) => [s.stage, s.count]))).toEqual(Object.fromEntries(stored.map((s) => [s.stage, Number(s.n)])));
  });

  it('lists what is overdue on open cases, oldest first, in words, and counts it all', async () => {
    const expected = cases.filter((c) => c.plan.stage !== 'closed').flatMap((c) => c.plan.overdueDays.map((d) => ({ caseId: c.id, d })));
    const o = await portfolio.overview({}, { limit: 10 }, now);
    expect(o.overdue.total).toBe(expected.length);
    expect(o.overdue.items).toHaveLength(10);
    const days = o.overdue.items.map((i) => i.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(days[0]).toBe(Math.max(...expected.map((e) => e.d)));
    for (const i of o.overdue.items) {
      expect(i.caseName).toBe(`Cluster ${i.caseId.slice(0, 8)}`);
      expect(i.what.nl).toMatch(/Voortgangsrapport indienen|Mijlpaal te laat/);
    }
    const next = await portfolio.overview({}, { limit: 10, offset: 10 }, now);
    expect(next.overdue.items[0]!.daysOverdue).toBeLessThanOrEqual(days.at(-1)!);
  });

  it('gives each council’s median and slowest days from request to advice, and its lapses', async () => {
    const o = await portfolio.overview({}, {}, now);
    for (const council of ['RI', 'VRWI', 'SERV']) {
      const requests = cases.flatMap((c) => c.plan.advice.filter((a) => a.council === council));
      const hours = requests.filter((a) => a.status === 'advised').map((a) => a.hours).sort((a, b) => a - b);
      const mid = hours.length % 2 ? hours[(hours.length - 1) / 2]! : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2;
      expect(o.councils.find((c) => c.councilCode === council)).toEqual({
        councilCode: council,
        requested: requests.length,
        advised: hours.length,
        lapsed: requests.filter((a) => a.status === 'lapsed').length,
        open: requests.filter((a) => a.status === 'open').length,
        medianDays: Math.round((mid / 24) * 10) / 10,
        slowestDays: Math.round((hours.at(-1)! / 24) * 10) / 10,
      });
    }
  });

  it('sets the partners’ commitments of the signed agreement against the same earmarks (leverage)', async () => {
    const o = await portfolio.overview({}, {}, now);
    const withMoney = cases.filter((c) => ['structured_dialogue', 'closed'].includes(c.plan.stage));
    expect(o.leverage.clusters.map((l) => l.caseId).sort()).toEqual(withMoney.map((c) => c.id).sort());
    for (const l of o.leverage.clusters) {
      const c = cases.find((x) => x.id === l.caseId)!;
      const earmarked = pages.get(c.id)!.reduce((a, x) => a + x.earmarkedCents, 0);
      expect(l.partnerCommitmentsCents).toBe(c.plan.partnerCommitments.reduce((a, x) => a + x, 0));
      expect(l.earmarkedCents).toBe(earmarked);
      expect(l.ratio).toBe(earmarked > 0 ? Math.round((l.partnerCommitmentsCents / earmarked) * 100) / 100 : null);
    }
    expect(o.leverage.earmarkedCents).toBe(o.budget.total.earmarkedCents);
  });

  it('shows every recorded dialogue outcome per cluster and tallies each cycle', async () => {
    const o = await portfolio.overview({}, {}, now);
    const outcomes = cases.flatMap((c) => c.plan.outcomes.map((outcome, i) => ({ cycle: i + 1, outcome })));
    expect(o.dialogue.clusters.reduce((a, c) => a + c.cycles.length, 0)).toBe(outcomes.length);
    for (const p of o.dialogue.perCycle) {
      for (const k of ['on_track', 'attention', 'off_track'] as const) expect(p[k]).toBe(outcomes.filter((x) => x.cycle === p.cycle && x.outcome === k).length);
    }
  });

  it('refuses a year out of range, naming the field', async () => {
    await expect(portfolio.overview({ year: 1850 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'year' }] });
  });
});

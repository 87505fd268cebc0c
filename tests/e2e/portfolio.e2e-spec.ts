import { CASE_STAGES, euroDecimal, STAGE_WORDS } from '@cluster/domain';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { httpCalls } from '../support/http-calls';
import { createServices } from '../support/services';
import { seedPortfolio, type SeededCall, type SeededCase } from '../support/portfolio-seed';

/**
 * The portfolio overview over HTTP (issue 14, item 6): who may read it (and what the others are
 * told), its filters, and its CSV export for Flemish Excel.
 */
describe('portfolio overview over HTTP', () => {
  let s: HttpStack;
  let calls: SeededCall[];
  let cases: SeededCase[];
  const { get, post, as } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startHttpStack();
    ({ calls, cases } = await seedPortfolio({ db: s.db.db, services: createServices(s.db.db), ownerUrl: s.db.ownerUrl, count: 40, seed: 7 }));
    // Names a spreadsheet must not misread: a semicolon and quotes inside, a formula in front.
    const withMoney = cases.filter((c) => ['structured_dialogue', 'closed'].includes(c.plan.stage));
    await s.db.sql(s.db.ownerUrl, `UPDATE cases SET cluster_name = $2 WHERE id = $1`, [withMoney[0]!.id, 'Blauwe; "Zee" cluster']);
    await s.db.sql(s.db.ownerUrl, `UPDATE cases SET cluster_name = $2 WHERE id = $1`, [withMoney[1]!.id, '=HYPERLINK("x")']);
    // A cluster's own representative (of one of the seeded cases).
    const rep = await post('admin', 'users', { subject: 'portfolio-rep', displayName: 'Vertegenwoordiger portefeuille', email: 'portfolio-rep@example.be', organisation: 'Cluster', roles: ['cluster_representative'], caseIds: [cases[0]!.id], reason: 'Nieuwe gebruiker in de test' });
    expect(rep.status).toBe(201);
  }, 240_000);
  afterAll(() => s?.stop());

  it('is for civil servants, policy owners and auditors; a cluster representative or a council is told why not', async () => {
    for (const subject of ['handler', 'approver', 'admin', 'policy-owner', 'auditor']) expect((await get(subject, 'portfolio')).status).toBe(200);
    for (const subject of ['portfolio-rep', 'council-ri']) {
      const refused = await get(subject, 'portfolio');
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe(
        'Het portefeuilleoverzicht over alle dossiers is voor ambtenaren, beleidsverantwoordelijken en auditoren; uw eigen dossier vindt u bij Dossiers. / ' +
          'The portfolio overview across all cases is for civil servants, policy owners and auditors; your own case is under Cases.',
      );
      expect((await get(subject, 'portfolio/export?section=budget')).status).toBe(403);
    }
    expect((await s.http().get('/api/portfolio')).status).toBe(401);
  });

  it('filters by call (or none), year and stage; the default is every case', async () => {
    const all = (await get('auditor', 'portfolio')).body;
    expect(all.funnel.total).toBe(cases.length);
    expect(all.filter).toEqual({ callId: null, year: null, stage: null });
    expect(all.choices.calls.map((c: { id: string }) => c.id).sort()).toEqual(calls.map((c) => c.id).sort());
    const call = calls[0]!;
    const ofCall = (await get('auditor', `portfolio?callId=${call.id}`)).body;
    expect(ofCall.funnel.total).toBe(cases.filter((c) => c.plan.call === 0).length);
    expect(ofCall.funnel.groups.every((g: { callId: string }) => g.callId === call.id)).toBe(true);
    expect(ofCall.budget.envelopes.every((e: { callId: string }) => e.callId === call.id)).toBe(true);
    expect((await get('auditor', 'portfolio?callId=none')).body.funnel.total).toBe(cases.filter((c) => c.plan.call === null).length);
    const y = (await get('auditor', 'portfolio?year=2025&stage=closed')).body;
    expect(y.funnel.total).toBe(cases.filter((c) => c.plan.year === 2025 && c.plan.stage === 'closed').length);
    expect(y.funnel.stages.filter((st: { count: number }) => st.count > 0).map((st: { stage: string }) => st.stage)).toEqual(y.funnel.total ? ['closed'] : []);
    expect(y.overdue.total).toBe(0);
    const page = (await get('auditor', 'portfolio?overdueLimit=3&overdueOffset=1')).body.overdue;
    expect(page).toMatchObject({ limit: 3, offset: 1, total: all.overdue.total });
    expect(page.items[0].taskId).toBe(all.overdue.items[1].taskId);
  });

  it('names the filter that is wrong, in Dutch and English', async () => {
    for (const [query, field] of [['year=1850', 'year'], ['stage=ergens', 'stage'], ['callId=geen-oproep', 'callId'], ['overdueLimit=0', 'overdueLimit']]) {
      const bad = await get('auditor', `portfolio?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field)).toContain(field);
    }
    const noSection = await get('auditor', 'portfolio/export');
    expect(noSection.status).toBe(400);
    expect(noSection.body.fieldErrors.map((f: { field: string }) => f.field)).toContain('section');
  });

  it('exports each section as CSV for Flemish Excel: BOM, semicolons, euro with a decimal comma, text quoted and defused', async () => {
    const o = (await get('auditor', 'portfolio')).body;
    const budget = await get('auditor', 'portfolio/export?section=budget');
    expect(budget.status).toBe(200);
    expect(budget.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(budget.headers['content-disposition']).toBe('attachment; filename="portfolio-budget.csv"');
    expect(budget.text.startsWith('\uFEFF')).toBe(true);
    const lines = budget.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Instrument;Geoormerkt (EUR);Gevraagd, open (EUR);Goedgekeurd (EUR);Vrijgegeven (EUR);Resterend (EUR)');
    expect(lines.slice(1)).toEqual([
      ...o.budget.instruments.map((i: Record<string, number | string>) =>
        [i.instrumentCode, ...['earmarkedCents', 'requestedCents', 'approvedCents', 'releasedCents', 'remainingCents'].map((k) => euroDecimal(i[k] as number))].join(';'),
      ),
      ['Totaal', ...['earmarkedCents', 'requestedCents', 'approvedCents', 'releasedCents', 'remainingCents'].map((k) => euroDecimal(o.budget.total[k]))].join(';'),
    ]);
    expect(lines.at(-1)).toMatch(/^Totaal;\d+,\d\d;/);

    const leverage = (await s.http().get('/api/portfolio/export?section=leverage').set(await as('policy-owner')).set('Accept-Language', 'en')).text;
    expect(leverage.slice(1).split('\r\n')[0]).toBe('Cluster;Partner commitments (EUR);Earmarked (EUR);Leverage');
    expect(leverage).toContain('"Blauwe; ""Zee"" cluster";');
    expect(leverage).toContain(`"'=HYPERLINK(""x"")";`);
    expect(leverage).not.toMatch(/\r\n=/);

    for (const section of ['funnel', 'overdue', 'councils', 'envelopes', 'dialogue']) {
      const csv = await get('handler', `portfolio/export?section=${section}`);
      expect(csv.status).toBe(200);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      expect(csv.text.split('\r\n')[0]!.split(';').length).toBeGreaterThan(2);
    }
    const funnel = (await get('handler', 'portfolio/export?section=funnel')).text.slice(1).split('\r\n');
    expect(funnel[0]).toBe(['Oproep', 'Jaar', ...CASE_STAGES.map((st) => STAGE_WORDS[st].nl), 'Totaal'].join(';'));
    expect(funnel.find((l) => l.startsWith('Totaal;'))).toBe(`Totaal;;${o.funnel.stages.map((st: { count: number }) => st.count).join(';')};${o.funnel.total}`);
  });
});

import { startHttpStack, type HttpStack } from '../support/http-stack';
import { httpCalls } from '../support/http-calls';
import { demoUser, roadmap } from '../support/fixtures';

/**
 * European alignment and the roadmap handbook (issue 14, items 4 and 5), over HTTP with the real
 * API, worker, Temporal dev server and PostgreSQL: the reference data carries the partnerships, the
 * natures of a link and the handbook; a roadmap links to partnerships of its case's version (a bad
 * one is a 400 naming the field, and nothing is saved); a roadmap is submitted only with its
 * baseline; the portfolio's coverage shows the submitted links and where two clusters overlap.
 */
describe('European alignment of the roadmaps', () => {
  let s: HttpStack;
  const { post, get } = httpCalls(() => s);
  const fields = (res: { body: { fieldErrors?: { field: string }[] } }) => (res.body.fieldErrors ?? []).map((f) => f.field);
  const newCase = async (clusterName: string): Promise<string> => {
    const res = await post('handler', 'cases', { clusterName, domain: 'Circulaire chemie', leadActors: ['Catalisti vzw'], partners: ['UGent'], accountManagerId: demoUser('handler').id });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const record = async (caseId: string) => ({
    versions: (await get('auditor', `cases/${caseId}/roadmap/versions`)).body.length as number,
    events: (await get('auditor', `cases/${caseId}/audit?limit=100`)).body.total as number,
  });
  type Coverage = {
    partnerships: { partnership: { code: string }; kindName: { nl: string }; clusterCount: number; overlap: boolean; links: { caseId: string; nature: string; natureName: { nl: string; en: string }; note: string | null; roadmapVersion: number }[] }[];
    overlaps: { partnershipCode: string; caseIds: string[] }[];
    coveredCount: number;
    uncoveredCount: number;
    casesWithoutLinks: { caseId: string }[];
  };
  const coverage = async (subject = 'policy-owner') => {
    const res = await get(subject, 'portfolio/european-coverage');
    expect(res.status).toBe(200);
    return res.body as Coverage;
  };
  const entry = (c: Coverage, code: string) => c.partnerships.find((p) => p.partnership.code === code)!;

  let chemistry: string;
  let ports: string;

  beforeAll(async () => {
    s = await startHttpStack();
    [chemistry, ports] = await Promise.all([newCase('Duurzame chemie (Europa)'), newCase('Slimme havens (Europa)')]);
  }, 120_000);
  afterAll(() => s?.stop());

  it('serves the partnerships, the natures of a link and the handbook as reference data, to everyone signed in', async () => {
    const latest = await get('council-ri', 'policy-versions/latest');
    expect(latest.status).toBe(200);
    const content = latest.body.content;
    expect(content.europeanPartnerships.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['S3P-INDUSTRY', 'EIT-INNOENERGY', 'HE-CLEAN-HYDROGEN', 'HE-CHIPS-JU', 'IPCEI-BATTERIES']));
    expect(new Set(content.europeanPartnerships.map((p: { kind: string }) => p.kind))).toEqual(new Set(['s3_thematic_platform', 'eit_kic', 'horizon_europe_partnership', 'ipcei']));
    expect(content.linkNatures.map((n: { code: string }) => n.code)).toEqual(['member', 'joint_projects', 'aligned_objectives', 'observer']);
    expect(content.roadmapHandbook.map((g: { section: string }) => g.section)).toEqual(['baseline', 'objectives', 'milestones', 'commitments', 'projects', 'internationalPositioning', 'societalChallenges', 'vision']);
    expect(content.roadmapHandbook[0].guidance.nl).toMatch(/^Vandaag: /);
    expect(content.roadmapBaselineRequired).toBe(true);
  });

  it('refuses a proposed version with a bad partnership, nature or handbook entry, naming the field', async () => {
    const content = (await get('admin', 'policy-versions/latest')).body.content;
    const propose = (over: object) => post('admin', 'policy-versions', { content: { ...content, ...over }, reason: 'Europese partnerschappen bijgewerkt' });
    const kind = await propose({ europeanPartnerships: [{ ...content.europeanPartnerships[0], kind: 'club' }, { ...content.europeanPartnerships[1], url: 'geen adres' }] });
    expect(kind.status).toBe(400);
    expect(fields(kind)).toEqual(expect.arrayContaining(['content.europeanPartnerships.0.kind', 'content.europeanPartnerships.1.url']));
    const twice = await propose({ europeanPartnerships: [content.europeanPartnerships[0], content.europeanPartnerships[0]], roadmapHandbook: [content.roadmapHandbook[0], content.roadmapHandbook[0]] });
    expect(twice.status).toBe(400);
    expect(fields(twice)).toEqual(['content.europeanPartnerships', 'content.roadmapHandbook.1.section']);
    expect(twice.body.fieldErrors[0].messages[0]).toMatch(/^Dubbele codes: S3P-INDUSTRY\. \/ Duplicate codes: S3P-INDUSTRY\./);
    const natures = await propose({ linkNatures: [{ code: 'Lid!', name: { nl: 'Lid', en: 'Member' } }] });
    expect(natures.status).toBe(400);
    expect(fields(natures)).toEqual(['content.linkNatures.0.code']);
    expect((await get('admin', 'policy-proposals')).body.total).toBe(0);
  });

  it('saves a draft with its baseline and links to European partnerships, and gives them back as saved', async () => {
    const links = [
      { partnershipCode: 'HE-P4PLANET', nature: 'member', note: 'Catalisti is lid van A.SPIRE' },
      { partnershipCode: 'EIT-RAWMATERIALS', nature: 'aligned_objectives' },
    ];
    const saved = await post('handler', `cases/${chemistry}/roadmap/drafts`, roadmap({ europeanLinks: links }));
    expect(saved.status).toBe(201);
    const versions = (await get('auditor', `cases/${chemistry}/roadmap/versions`)).body as { content: Record<string, unknown> }[];
    expect(versions.at(-1)!.content).toMatchObject({ baseline: expect.stringMatching(/^Vandaag: /), europeanLinks: links, internationalRoadmapLinks: ['SPIRE 2050'] });
  });

  it('refuses an unknown partnership or nature with a 400 naming the field, Dutch first, and saves nothing', async () => {
    const before = await record(chemistry);
    const unknown = await post('handler', `cases/${chemistry}/roadmap/drafts`, roadmap({ europeanLinks: [{ partnershipCode: 'HE-P4PLANET', nature: 'member' }, { partnershipCode: 'EIT-NOWHERE', nature: 'member' }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('VALIDATION_FAILED');
    expect(fields(unknown)).toEqual(['europeanLinks.1.partnershipCode']);
    expect(unknown.body.fieldErrors[0].messages[0]).toMatch(/^EIT-NOWHERE is geen Europees partnerschap van beleidsversie 1; .* \/ EIT-NOWHERE is not a European partnership of policy version 1/);

    const nature = await post('handler', `cases/${chemistry}/roadmap/drafts`, roadmap({ europeanLinks: [{ partnershipCode: 'HE-P4PLANET', nature: 'sponsor' }] }));
    expect(nature.status).toBe(400);
    expect(fields(nature)).toEqual(['europeanLinks.0.nature']);

    const twice = await post('handler', `cases/${chemistry}/roadmap/drafts`, roadmap({ europeanLinks: [{ partnershipCode: 'HE-P4PLANET', nature: 'member' }, { partnershipCode: 'HE-P4PLANET', nature: 'observer' }] }));
    expect(twice.status).toBe(400);
    expect(fields(twice)).toEqual(['europeanLinks.1.partnershipCode']);

    const shape = await post('handler', `cases/${chemistry}/roadmap/drafts`, roadmap({ europeanLinks: [{ partnershipCode: 'HE-P4PLANET' } as never], baseline: 'x'.repeat(20_001) }));
    expect(shape.status).toBe(400);
    expect(fields(shape)).toEqual(expect.arrayContaining(['baseline', 'europeanLinks.0.nature']));

    expect(await record(chemistry)).toEqual(before);
  });

  it('submits a roadmap only with its baseline under the seeded reference data', async () => {
    const { baseline: _baseline, ...withoutBaseline } = roadmap();
    expect((await post('handler', `cases/${ports}/roadmap/drafts`, withoutBaseline)).status).toBe(201);
    const refused = await post('handler', `cases/${ports}/roadmap/submit`);
    expect(refused.status).toBe(400);
    expect(fields(refused)).toEqual(['baseline']);
    expect(refused.body.message).toMatch(/^De laatste versie van de routekaart mist nog de beschrijving van vandaag; .* \/ The latest roadmap version still lacks baseline/);
    expect((await get('auditor', `cases/${ports}`)).body.stage).toBe('roadmap_drafting');

    const links = [{ partnershipCode: 'HE-P4PLANET', nature: 'joint_projects', note: 'Walstroom en CO2-afvang in de haven' }];
    expect((await post('handler', `cases/${ports}/roadmap/drafts`, roadmap({ europeanLinks: links }))).status).toBe(201);
    expect((await post('handler', `cases/${ports}/roadmap/submit`)).status).toBe(200);
  });

  it('shows in the coverage only what submitted roadmaps link to, then the overlap of two clusters', async () => {
    const before = await coverage();
    // The chemistry roadmap is still a draft: its links do not count yet.
    expect(entry(before, 'HE-P4PLANET').links.map((l) => l.caseId)).toEqual([ports]);
    expect(entry(before, 'EIT-RAWMATERIALS').clusterCount).toBe(0);
    expect(before.overlaps).toEqual([]);

    expect((await post('handler', `cases/${chemistry}/roadmap/submit`)).status).toBe(200);

    const after = await coverage('auditor');
    const p4p = entry(after, 'HE-P4PLANET');
    expect(p4p).toMatchObject({ clusterCount: 2, overlap: true, kindName: { nl: 'Europees partnerschap onder Horizon Europe' } });
    expect(p4p.links.map((l) => [l.caseId, l.nature, l.natureName.nl, l.note])).toEqual(
      expect.arrayContaining([
        [chemistry, 'member', 'Lid (de cluster of haar trekkers zijn formeel lid)', 'Catalisti is lid van A.SPIRE'],
        [ports, 'joint_projects', 'Gezamenlijke projecten', 'Walstroom en CO2-afvang in de haven'],
      ]),
    );
    expect(entry(after, 'EIT-RAWMATERIALS')).toMatchObject({ clusterCount: 1, overlap: false, links: [{ caseId: chemistry, nature: 'aligned_objectives', note: null }] });
    expect(after.overlaps).toEqual([{ partnershipCode: 'HE-P4PLANET', caseIds: expect.arrayContaining([chemistry, ports]) }]);
    expect(after.partnerships[0]!.partnership.code).toBe('HE-P4PLANET');
    expect(after.coveredCount).toBe(2);
    expect(after.uncoveredCount).toBe(after.partnerships.length - 2);
  });

  it('is for civil servants, policy owners and auditors; a council or a cluster representative is told why not', async () => {
    expect((await get('handler', 'portfolio/european-coverage')).status).toBe(200);
    expect((await get('approver', 'portfolio/european-coverage')).status).toBe(200);
    const rep = await post('admin', 'users', { subject: 'rep-europa', displayName: 'Vertegenwoordiger Europa', email: 'rep-europa@example.be', organisation: 'Catalisti', roles: ['cluster_representative'], caseIds: [chemistry], reason: 'Nieuwe gebruiker in de test' });
    expect(rep.status).toBe(201);
    for (const subject of ['council-ri', 'rep-europa', 'admin']) {
      const refused = await get(subject, 'portfolio/european-coverage');
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/^De Europese afstemming over alle dossiers is voor ambtenaren, beleidsverantwoordelijken en auditoren\..* \/ The European alignment across all cases is for/);
    }
  });
});

import { europeanCoverage, type LinkedRoadmap } from './european-coverage';
import type { EuropeanPartnership, LinkNature } from './european';

const p = (code: string, nl: string, kind: EuropeanPartnership['kind'] = 'eit_kic'): EuropeanPartnership => ({ code, name: { nl, en: nl }, kind });
const catalogue = [p('EIT-HEALTH', 'EIT Health'), p('HE-P4PLANET', 'Processes4Planet', 'horizon_europe_partnership'), p('IPCEI-H2', 'IPCEI Waterstof', 'ipcei')];
const natures: LinkNature[] = [
  { code: 'member', name: { nl: 'Lid', en: 'Member' } },
  { code: 'joint_projects', name: { nl: 'Gezamenlijke projecten', en: 'Joint projects' } },
];

const roadmap = (caseId: string, clusterName: string, links: LinkedRoadmap['links'], over: Partial<LinkedRoadmap> = {}): LinkedRoadmap => ({
  caseId,
  clusterName,
  stage: 'advice',
  roadmapVersion: 2,
  policyVersion: 1,
  links,
  partnerships: catalogue,
  natures,
  ...over,
});

describe('the European coverage of the portfolio', () => {
  it('lists every partnership of the catalogue, uncovered ones too, when no roadmap links', () => {
    const c = europeanCoverage(catalogue, [roadmap('c1', 'Chemie', [])]);
    expect(c.partnerships.map((x) => [x.partnership.code, x.clusterCount, x.overlap])).toEqual([
      ['EIT-HEALTH', 0, false],
      ['IPCEI-H2', 0, false],
      ['HE-P4PLANET', 0, false],
    ]);
    expect(c).toMatchObject({ coveredCount: 0, uncoveredCount: 3, overlaps: [], casesWithoutLinks: [{ caseId: 'c1', clusterName: 'Chemie', roadmapVersion: 2 }] });
  });

  it('shows which clusters link to which partnership and how, and the overlaps of two or more clusters', () => {
    const c = europeanCoverage(catalogue, [
      roadmap('c1', 'Chemie', [{ partnershipCode: 'HE-P4PLANET', nature: 'member', note: 'Lid sinds 2022' }, { partnershipCode: 'IPCEI-H2', nature: 'joint_projects' }]),
      roadmap('c2', 'Blauwe economie', [{ partnershipCode: 'HE-P4PLANET', nature: 'joint_projects' }], { stage: 'roadmap_drafting', roadmapVersion: 5 }),
    ]);
    const p4p = c.partnerships[0]!;
    expect(p4p.partnership.code).toBe('HE-P4PLANET');
    expect(p4p).toMatchObject({ clusterCount: 2, overlap: true, inLatestCatalogue: true });
    expect(p4p.links).toEqual([
      { caseId: 'c2', clusterName: 'Blauwe economie', stage: 'roadmap_drafting', roadmapVersion: 5, nature: 'joint_projects', natureName: natures[1]!.name, note: null },
      { caseId: 'c1', clusterName: 'Chemie', stage: 'advice', roadmapVersion: 2, nature: 'member', natureName: natures[0]!.name, note: 'Lid sinds 2022' },
    ]);
    expect(c.partnerships.map((x) => x.partnership.code)).toEqual(['HE-P4PLANET', 'IPCEI-H2', 'EIT-HEALTH']);
    expect(c.overlaps).toEqual([{ partnershipCode: 'HE-P4PLANET', caseIds: ['c2', 'c1'] }]);
    expect(c).toMatchObject({ coveredCount: 2, uncoveredCount: 1, casesWithoutLinks: [] });
  });

  it('keeps a link to a partnership the newest version dropped, named from the case\'s own version', () => {
    const old = p('S3P-OLD', 'Oud S3-platform', 's3_thematic_platform');
    const c = europeanCoverage(catalogue, [roadmap('c1', 'Chemie', [{ partnershipCode: 'S3P-OLD', nature: 'member' }], { partnerships: [...catalogue, old] })]);
    const entry = c.partnerships.find((x) => x.partnership.code === 'S3P-OLD')!;
    expect(entry).toMatchObject({ partnership: old, inLatestCatalogue: false, clusterCount: 1, overlap: false });
    expect(c.coveredCount).toBe(1);
  });
});

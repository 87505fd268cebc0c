import { europeanLinkProblems, europeanReferenceProblems, PARTNERSHIP_KINDS, PARTNERSHIP_KIND_WORDS, type EuropeanPartnership, type LinkNature } from './european';
import { handbookProblems, ROADMAP_HANDBOOK_SECTIONS } from './roadmap-handbook';

const partnership = (code: string, over: Partial<EuropeanPartnership> = {}): EuropeanPartnership => ({ code, name: { nl: code, en: code }, kind: 'eit_kic', ...over });
const natures: LinkNature[] = [
  { code: 'member', name: { nl: 'Lid', en: 'Member' } },
  { code: 'aligned_objectives', name: { nl: 'Afgestemde doelstellingen', en: 'Aligned objectives' } },
];
const policy = { europeanPartnerships: [partnership('EIT-HEALTH'), partnership('HE-P4PLANET', { kind: 'horizon_europe_partnership' })], linkNatures: natures };

describe('links of a roadmap to European partnerships', () => {
  it('accepts links to partnerships and natures of the case\'s version, with or without a note', () => {
    expect(europeanLinkProblems([{ partnershipCode: 'EIT-HEALTH', nature: 'member' }, { partnershipCode: 'HE-P4PLANET', nature: 'aligned_objectives', note: 'Pilootlijnen' }], policy, 3)).toEqual([]);
    expect(europeanLinkProblems(undefined, policy, 3)).toEqual([]);
  });

  it('names an unknown partnership, an unknown nature and a partnership given twice by position, Dutch first', () => {
    const problems = europeanLinkProblems(
      [
        { partnershipCode: 'EIT-HEALTH', nature: 'member' },
        { partnershipCode: 'NOPE', nature: 'member' },
        { partnershipCode: 'HE-P4PLANET', nature: 'sponsor' },
        { partnershipCode: 'EIT-HEALTH', nature: 'aligned_objectives' },
      ],
      policy,
      3,
    );
    expect(problems.map((p) => p.field)).toEqual(['europeanLinks.1.partnershipCode', 'europeanLinks.2.nature', 'europeanLinks.3.partnershipCode']);
    expect(problems[0]!.messages[0]).toMatch(/^NOPE is geen Europees partnerschap van beleidsversie 3; .* \/ NOPE is not a European partnership of policy version 3/);
    expect(problems[2]!.messages[0]).toMatch(/^EIT-HEALTH staat al in de lijst.* \/ EIT-HEALTH is listed already/);
  });

  it('refuses every structured link under a version without European reference data, pointing to the free text', () => {
    const problems = europeanLinkProblems([{ partnershipCode: 'EIT-HEALTH', nature: 'member' }], {}, 1);
    expect(problems.map((p) => p.field)).toEqual(['europeanLinks.0.partnershipCode', 'europeanLinks.0.nature']);
    expect(problems[0]!.messages[0]).toMatch(/^Beleidsversie 1 van dit dossier kent geen Europese partnerschappen/);
  });
});

describe('the European reference data of a policy version', () => {
  it('has words for every kind, in both languages', () => {
    for (const kind of PARTNERSHIP_KINDS) {
      expect(PARTNERSHIP_KIND_WORDS[kind].nl).not.toBe('');
      expect(PARTNERSHIP_KIND_WORDS[kind].en).not.toBe('');
    }
  });

  it('is optional (older versions lack it) and accepts a sound list', () => {
    expect(europeanReferenceProblems(undefined, undefined)).toEqual([]);
    expect(europeanReferenceProblems([partnership('A', { activeFrom: '2021-01-01', activeTo: '2030-12-31' })], natures)).toEqual([]);
  });

  it('names duplicate codes, an unknown kind, impossible and reversed periods, and partnerships without natures', () => {
    const problems = europeanReferenceProblems(
      [partnership('A'), partnership('A'), partnership('B', { kind: 'club' as never }), partnership('C', { activeFrom: '2027-02-30' }), partnership('D', { activeFrom: '2030-01-01', activeTo: '2021-01-01' })],
      [],
    );
    expect(problems.map((p) => p.field)).toEqual(['europeanPartnerships', 'europeanPartnerships.2.kind', 'europeanPartnerships.3.activeFrom', 'europeanPartnerships.4.activeTo', 'linkNatures']);
  });
});

describe('the roadmap handbook of a policy version', () => {
  it('takes guidance for each section of the roadmap once', () => {
    const guidance = { nl: 'Richtlijn', en: 'Guidance' };
    expect(handbookProblems(ROADMAP_HANDBOOK_SECTIONS.map((section) => ({ section, guidance })))).toEqual([]);
    expect(handbookProblems(undefined)).toEqual([]);
    const problems = handbookProblems([
      { section: 'baseline', guidance },
      { section: 'baseline', guidance },
      { section: 'appendix' as never, guidance },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['roadmapHandbook.1.section', 'roadmapHandbook.2.section']);
  });
});

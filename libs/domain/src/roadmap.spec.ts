import type { RoadmapContent } from './case';
import { roadmapPartsRequired, roadmapSubmissionGaps, roadmapSubmissionProblems, roadmapSubmissionRefusal } from './roadmap';

const complete: RoadmapContent = {
  vision: 'Vlaanderen als Europese koploper in circulaire chemie tegen 2035',
  horizonYear: 2035,
  objectives: ['30% minder CO2-uitstoot'],
  milestones: [{ title: 'Pilootinstallatie', dueDate: '2028-06-30' }],
  commitments: [{ actor: 'Catalisti vzw', commitment: 'Coördinatie van de portfolio' }],
  projectPortfolio: [],
  internationalRoadmapLinks: [],
  societalChallenges: [],
};

describe('what a roadmap needs before it is submitted', () => {
  it('needs nothing more when objectives, milestones and commitments are there (the other lists may be empty)', () => {
    expect(roadmapSubmissionGaps(complete)).toEqual([]);
    expect(roadmapSubmissionProblems(complete)).toEqual([]);
  });

  it.each(['objectives', 'milestones', 'commitments'] as const)('names %s when it is empty, Dutch first', (part) => {
    const problems = roadmapSubmissionProblems({ ...complete, [part]: [] });
    expect(problems).toEqual([{ field: part, messages: [expect.stringMatching(/^Een routekaart wordt pas ingediend met minstens één .+ \/ A roadmap is submitted only with at least one /)] }]);
  });

  it('does not count blank items, and names every missing part at once', () => {
    const blank = { ...complete, objectives: ['  '], milestones: [{ title: ' ', dueDate: '2028-06-30' }], commitments: [{ actor: 'Catalisti vzw', commitment: '' }] };
    expect(roadmapSubmissionGaps(blank)).toEqual(['objectives', 'milestones', 'commitments']);
    expect(roadmapSubmissionRefusal(['objectives', 'commitments'])).toBe(
      'De laatste versie van de routekaart mist nog doelstellingen, engagementen; vul die aan, bewaar en dien dan in. / The latest roadmap version still lacks objectives, commitments; add them, save, then submit.',
    );
  });

  describe('the baseline ("vandaag", issue 14)', () => {
    const withBaseline = roadmapPartsRequired({ roadmapBaselineRequired: true });

    it('is required only where the case\'s policy version asks for it, so cases pinned to older versions are not stopped', () => {
      expect(roadmapPartsRequired(null)).toEqual(['objectives', 'milestones', 'commitments']);
      expect(roadmapPartsRequired({})).toEqual(['objectives', 'milestones', 'commitments']);
      expect(roadmapPartsRequired({ roadmapBaselineRequired: false })).toEqual(['objectives', 'milestones', 'commitments']);
      expect(withBaseline).toEqual(['baseline', 'objectives', 'milestones', 'commitments']);
      expect(roadmapSubmissionGaps(complete)).toEqual([]);
    });

    it('names the missing or blank baseline under such a version, Dutch first', () => {
      expect(roadmapSubmissionGaps(complete, withBaseline)).toEqual(['baseline']);
      expect(roadmapSubmissionGaps({ ...complete, baseline: '   ' }, withBaseline)).toEqual(['baseline']);
      expect(roadmapSubmissionGaps({ ...complete, baseline: 'Vandaag: 40 bedrijven, 3 pilootlijnen.' }, withBaseline)).toEqual([]);
      expect(roadmapSubmissionProblems(complete, withBaseline)).toEqual([
        { field: 'baseline', messages: [expect.stringMatching(/^Een routekaart wordt pas ingediend met een beschrijving van vandaag .* \/ A roadmap is submitted only with its baseline/)] },
      ]);
      expect(roadmapSubmissionRefusal(['baseline', 'objectives'])).toBe(
        'De laatste versie van de routekaart mist nog de beschrijving van vandaag, doelstellingen; vul die aan, bewaar en dien dan in. / The latest roadmap version still lacks baseline, objectives; add them, save, then submit.',
      );
    });
  });
});

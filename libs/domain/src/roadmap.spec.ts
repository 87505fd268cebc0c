import type { RoadmapContent } from './case';
import { ROADMAP_PARTS_FOR_SUBMISSION, roadmapSubmissionGaps, roadmapSubmissionProblems, roadmapSubmissionRefusal } from './roadmap';

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

  it.each(ROADMAP_PARTS_FOR_SUBMISSION)('names %s when it is empty, Dutch first', (part) => {
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
});

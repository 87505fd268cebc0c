import type { RoadmapContent } from './case';
import {
  PROJECT_STATUSES,
  PROJECT_TRANSITIONS,
  projectChanges,
  projectProblems,
  projectProgressProblems,
  projectTransitionAllowed,
  projectTransitionRefusal,
  roadmapCoverage,
  roadmapTargetProblems,
  type Project,
  type ProjectFields,
  type ProjectStatus,
} from './project';

const fields = (over: Partial<ProjectFields> = {}): ProjectFields => ({
  title: 'Pilootlijn bio-aromaten',
  leadOrganisation: 'Catalisti vzw',
  serves: { kind: 'milestone', index: 0 },
  instrumentCode: 'IWT',
  requestedCents: 50_000_000,
  grantedCents: null,
  status: 'idea',
  startDate: '2027-01-01',
  endDate: '2028-12-31',
  ...over,
});

const content: RoadmapContent = {
  vision: 'Koploper',
  horizonYear: 2035,
  objectives: ['30% minder CO2', 'Twee nieuwe waardeketens'],
  milestones: [{ title: 'Pilootinstallatie', dueDate: '2028-06-30' }, { title: 'Eerste fabriek', dueDate: '2031-06-30' }],
  commitments: [],
  projectPortfolio: [],
  internationalRoadmapLinks: [],
  societalChallenges: [],
};

const project = (id: string, over: Partial<Project> = {}): Project => ({
  ...fields(),
  id,
  caseId: 'c',
  roadmapVersion: 2,
  createdBy: 'u',
  createdAt: '2027-01-01T00:00:00Z',
  updatedBy: 'u',
  updatedAt: '2027-01-01T00:00:00Z',
  ...over,
});

describe('project status transitions', () => {
  // Every pair, so a status added later must be decided here too.
  const expected: Record<ProjectStatus, ProjectStatus[]> = {
    idea: ['idea', 'submitted', 'stopped'],
    submitted: ['submitted', 'running', 'idea', 'stopped'],
    running: ['running', 'finished', 'stopped'],
    finished: ['finished'],
    stopped: ['stopped'],
  };
  it.each(PROJECT_STATUSES.flatMap((from) => PROJECT_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = expected[from].includes(to);
    expect(projectTransitionAllowed(from, to)).toBe(allowed);
    expect(projectTransitionRefusal(from, to) === null).toBe(allowed);
  });

  it('says where a project may go instead, Dutch first', () => {
    expect(projectTransitionRefusal('idea', 'running')).toBe(
      'Een project gaat niet van idee naar lopend; wel naar ingediend of stopgezet. / A project does not go from idea to running; it may go to submitted or stopped.',
    );
    expect(projectTransitionRefusal('finished', 'running')).toMatch(/^Een project dat afgerond is, verandert niet meer van status.* \/ A finished project keeps its status/);
  });

  it('finished and stopped are final', () => {
    expect(PROJECT_TRANSITIONS.finished).toEqual([]);
    expect(PROJECT_TRANSITIONS.stopped).toEqual([]);
  });
});

describe('project fields', () => {
  it('accepts a consistent project', () => {
    expect(projectProblems(fields())).toEqual([]);
    expect(projectProblems(fields({ status: 'running', grantedCents: 50_000_000 }))).toEqual([]);
    expect(projectProblems(fields({ startDate: null, endDate: null }))).toEqual([]);
    expect(projectProblems(fields({ startDate: '2027-01-01', endDate: '2027-01-01' }))).toEqual([]);
  });

  it('refuses an end before the start, naming endDate', () => {
    expect(projectProblems(fields({ startDate: '2028-01-01', endDate: '2027-12-31' }))).toEqual([
      { field: 'endDate', messages: ['De einddatum (2027-12-31) ligt voor de startdatum (2028-01-01). / The end date (2027-12-31) is before the start date (2028-01-01).'] },
    ]);
  });

  it('refuses a day that does not exist', () => {
    expect(projectProblems(fields({ startDate: '2027-02-30' })).map((p) => p.field)).toEqual(['startDate']);
  });

  it('a granted amount only once granted, and never above the request', () => {
    expect(projectProblems(fields({ status: 'submitted', grantedCents: 1 })).map((p) => p.field)).toEqual(['grantedCents']);
    expect(projectProblems(fields({ status: 'running', grantedCents: 50_000_001 }))).toEqual([
      { field: 'grantedCents', messages: ['Het toegekende bedrag is hoger dan het gevraagde bedrag. / The granted amount is more than the amount requested.'] },
    ]);
  });

  it('lists what changed, with before and after', () => {
    expect(projectChanges(fields(), fields({ status: 'submitted', serves: { kind: 'objective', index: 1 } }))).toEqual({
      serves: { from: { kind: 'milestone', index: 0 }, to: { kind: 'objective', index: 1 } },
      status: { from: 'idea', to: 'submitted' },
    });
    expect(projectChanges(fields(), fields())).toEqual({});
  });
});

describe('what a project serves', () => {
  it('must exist in the roadmap version', () => {
    expect(roadmapTargetProblems({ kind: 'objective', index: 1 }, content, 2)).toEqual([]);
    expect(roadmapTargetProblems({ kind: 'milestone', index: 2 }, content, 2)).toEqual([
      { field: 'serves.index', messages: ['Versie 2 van de routekaart heeft 2 mijlpalen (genummerd vanaf 0); 2 bestaat niet. / Version 2 of the roadmap has 2 milestones (numbered from 0); 2 does not exist.'] },
    ]);
  });
});

describe('roadmap coverage', () => {
  it('flags each objective and milestone no live project serves', () => {
    const coverage = roadmapCoverage(2, content, [
      project('p1', { serves: { kind: 'milestone', index: 0 }, status: 'running' }),
      project('p2', { serves: { kind: 'objective', index: 1 }, status: 'stopped' }),
      project('p3', { serves: { kind: 'objective', index: 0 }, status: 'finished' }),
      project('old', { roadmapVersion: 1, serves: { kind: 'milestone', index: 1 } }),
    ]);
    expect(coverage.milestones.map((m) => [m.text, m.uncovered, m.projects.map((p) => p.id)])).toEqual([
      ['Pilootinstallatie', false, ['p1']],
      ['Eerste fabriek', true, []],
    ]);
    // A stopped project is listed but covers nothing; a finished one does.
    expect(coverage.objectives.map((o) => [o.uncovered, o.projects.map((p) => p.id)])).toEqual([
      [false, ['p3']],
      [true, ['p2']],
    ]);
    expect(coverage.uncoveredCount).toBe(2);
    expect(coverage.onEarlierVersion.map((p) => p.id)).toEqual(['old']);
    expect(coverage.milestones[1]).toMatchObject({ kind: 'milestone', index: 1, dueDate: '2031-06-30' });
  });

  it('without a submitted roadmap there is nothing to cover', () => {
    expect(roadmapCoverage(null, null, [])).toEqual({ roadmapVersion: null, objectives: [], milestones: [], uncoveredCount: 0, onEarlierVersion: [] });
  });
});

describe('project progress in a dialogue report', () => {
  it('names an unknown or repeated project by its place in the list', () => {
    const line = (projectId: string) => ({ projectId, status: 'running' as const, progress: 'Op schema.' });
    expect(projectProgressProblems([line('a'), line('b')], ['a', 'b'])).toEqual([]);
    expect(projectProgressProblems([line('a'), line('x'), line('a')], ['a']).map((p) => p.field)).toEqual(['projects.1.projectId', 'projects.2.projectId']);
    expect(projectProgressProblems([line('x')], [])[0]!.messages[0]).toMatch(/^Project x is geen project van dit dossier.* \/ Project x is not a project of this case/);
  });
});

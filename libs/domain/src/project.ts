import type { RoadmapContent } from './case';
import { calendarDateMessage, isCalendarDate } from './calendar-date';
import type { FieldError } from './errors';

/**
 * The project portfolio of a case (issue 14, item 3; criterion 3: "monitor a project portfolio
 * strategically against the roadmap"). A project executes the roadmap: it serves one objective or
 * one milestone of it, draws on one instrument of the case's policy version, and goes from an idea
 * to a finished (or stopped) project.
 */
export const PROJECT_STATUSES = ['idea', 'submitted', 'running', 'finished', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Where a project may go from each status. An idea is submitted to an instrument (or dropped); a
 * submitted application is granted (running), refused or withdrawn (stopped), or taken back to be
 * reworked (idea); a running project finishes or is stopped early. Finished and stopped are final:
 * a project that starts again is a new project, so the record of the old one stays as it ended.
 */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  idea: ['submitted', 'stopped'],
  submitted: ['running', 'idea', 'stopped'],
  running: ['finished', 'stopped'],
  finished: [],
  stopped: [],
};

/** Statuses in which an amount has been granted (a grant needs a decision on the application). */
export const GRANTED_STATUSES: readonly ProjectStatus[] = ['running', 'finished', 'stopped'];

const STATUS_WORDS: Record<ProjectStatus, { nl: string; en: string }> = {
  idea: { nl: 'idee', en: 'idea' },
  submitted: { nl: 'ingediend', en: 'submitted' },
  running: { nl: 'lopend', en: 'running' },
  finished: { nl: 'afgerond', en: 'finished' },
  stopped: { nl: 'stopgezet', en: 'stopped' },
};

export function projectTransitionAllowed(from: ProjectStatus, to: ProjectStatus): boolean {
  return from === to || PROJECT_TRANSITIONS[from].includes(to);
}

/** Why a project cannot go from `from` to `to` (Dutch first), or null when it can. */
export function projectTransitionRefusal(from: ProjectStatus, to: ProjectStatus): string | null {
  if (projectTransitionAllowed(from, to)) return null;
  const next = PROJECT_TRANSITIONS[from];
  const [f, t] = [STATUS_WORDS[from], STATUS_WORDS[to]];
  if (next.length === 0) {
    return `Een project dat ${f.nl} is, verandert niet meer van status; start een nieuw project. / A ${f.en} project keeps its status; start a new project.`;
  }
  return `Een project gaat niet van ${f.nl} naar ${t.nl}; wel naar ${next.map((s) => STATUS_WORDS[s].nl).join(' of ')}. / ` +
    `A project does not go from ${f.en} to ${t.en}; it may go to ${next.map((s) => STATUS_WORDS[s].en).join(' or ')}.`;
}

/**
 * What in the roadmap a project serves. DECIDED: the roadmap's objectives (strings) and milestones
 * ({title, dueDate}) have no ids of their own, so a project names the kind and the position (from
 * 0) in the case's current submitted roadmap version, and the record keeps that version number with
 * it. A submitted version is frozen (its SHA-256), so "milestone 2 of version 3" never changes
 * meaning; when a new version is submitted, projects still pointing at the earlier one are shown
 * apart in the coverage ("linked to an earlier version") until they are linked again.
 */
export const ROADMAP_TARGET_KINDS = ['objective', 'milestone'] as const;
export type RoadmapTargetKind = (typeof ROADMAP_TARGET_KINDS)[number];

export interface RoadmapTarget {
  kind: RoadmapTargetKind;
  /** Position in the version's list of objectives or milestones, from 0. */
  index: number;
}

/** The changeable fields of a project (amounts in integer cents; dates as Brussels calendar days). */
export interface ProjectFields {
  title: string;
  leadOrganisation: string;
  serves: RoadmapTarget;
  instrumentCode: string;
  requestedCents: number;
  grantedCents: number | null;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
}

export interface Project extends ProjectFields {
  id: string;
  caseId: string;
  /** The submitted roadmap version `serves` points into. */
  roadmapVersion: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

const problem = (field: string, nl: string, en: string): FieldError => ({ field, messages: [`${nl} / ${en}`] });

/**
 * The rules a project's fields must keep together, whatever changed them: the end not before the
 * start, a granted amount only once granted and never above what was requested. The database keeps
 * the same rules as CHECKs; this says which field is wrong, in words.
 */
export function projectProblems(p: ProjectFields): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of ['startDate', 'endDate'] as const) {
    if (p[field] !== null && !isCalendarDate(p[field])) problems.push({ field, messages: [calendarDateMessage(field)] });
  }
  if (p.startDate && p.endDate && isCalendarDate(p.startDate) && isCalendarDate(p.endDate) && p.endDate < p.startDate) {
    problems.push(problem('endDate', `De einddatum (${p.endDate}) ligt voor de startdatum (${p.startDate}).`, `The end date (${p.endDate}) is before the start date (${p.startDate}).`));
  }
  if (p.grantedCents !== null && !GRANTED_STATUSES.includes(p.status)) {
    problems.push(problem('grantedCents', `Een toegekend bedrag hoort pas bij een lopend, afgerond of stopgezet project, niet bij een project dat ${STATUS_WORDS[p.status].nl} is.`, `A granted amount belongs only to a running, finished or stopped project, not to a ${STATUS_WORDS[p.status].en} one.`));
  }
  if (p.grantedCents !== null && p.grantedCents > p.requestedCents) {
    problems.push(problem('grantedCents', 'Het toegekende bedrag is hoger dan het gevraagde bedrag.', 'The granted amount is more than the amount requested.'));
  }
  return problems;
}

/** Whether `serves` names an objective or milestone that the roadmap version has. */
export function roadmapTargetProblems(serves: RoadmapTarget, content: RoadmapContent, version: number): FieldError[] {
  const count = serves.kind === 'objective' ? (content.objectives ?? []).length : (content.milestones ?? []).length;
  if (serves.index < count) return [];
  const [nl, en] = serves.kind === 'objective' ? ['doelstellingen', 'objectives'] : ['mijlpalen', 'milestones'];
  return [problem('serves.index', `Versie ${version} van de routekaart heeft ${count} ${nl} (genummerd vanaf 0); ${serves.index} bestaat niet.`, `Version ${version} of the roadmap has ${count} ${en} (numbered from 0); ${serves.index} does not exist.`)];
}

/** The fields that differ between two states of a project, with before and after (for the audit trail). */
export function projectChanges(before: ProjectFields, after: ProjectFields): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ProjectFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/** One objective or milestone of the current roadmap, with the projects that serve it. */
export interface CoverageEntry {
  kind: RoadmapTargetKind;
  index: number;
  /** The objective's text, or the milestone's title. */
  text: string;
  /** Milestones only. */
  dueDate?: string;
  projects: Pick<Project, 'id' | 'title' | 'status'>[];
  /** True when no project that still runs or may run (anything but stopped) serves it. */
  uncovered: boolean;
}

export interface RoadmapCoverage {
  roadmapVersion: number | null;
  objectives: CoverageEntry[];
  milestones: CoverageEntry[];
  uncoveredCount: number;
  /** Projects linked to an earlier submitted version: to be linked to the current one. */
  onEarlierVersion: Pick<Project, 'id' | 'title' | 'status' | 'roadmapVersion' | 'serves'>[];
}

/**
 * Each objective and milestone of the current submitted roadmap with its projects. DECIDED: a
 * stopped project is listed but covers nothing (it no longer executes the roadmap); a finished one
 * covers what it served.
 */
export function roadmapCoverage(version: number | null, content: RoadmapContent | null, projects: Project[]): RoadmapCoverage {
  const current = projects.filter((p) => version !== null && p.roadmapVersion === version);
  const entry = (kind: RoadmapTargetKind, index: number, text: string, dueDate?: string): CoverageEntry => {
    const serving = current.filter((p) => p.serves.kind === kind && p.serves.index === index);
    return {
      kind,
      index,
      text,
      ...(dueDate !== undefined ? { dueDate } : {}),
      projects: serving.map((p) => ({ id: p.id, title: p.title, status: p.status })),
      uncovered: !serving.some((p) => p.status !== 'stopped'),
    };
  };
  const objectives = (content?.objectives ?? []).map((o, i) => entry('objective', i, o));
  const milestones = (content?.milestones ?? []).map((m, i) => entry('milestone', i, m.title, m.dueDate));
  return {
    roadmapVersion: version,
    objectives,
    milestones,
    uncoveredCount: [...objectives, ...milestones].filter((e) => e.uncovered).length,
    onEarlierVersion: projects
      .filter((p) => version === null || p.roadmapVersion !== version)
      .map((p) => ({ id: p.id, title: p.title, status: p.status, roadmapVersion: p.roadmapVersion, serves: p.serves })),
  };
}

/** What the cluster reports of one of its projects in a dialogue cycle. */
export interface ProjectProgress {
  projectId: string;
  /** The status the cluster reports (the project's own record changes only through its own command). */
  status: ProjectStatus;
  progress: string;
}

/** The report's project lines that name no project of this case, or one twice. */
export function projectProgressProblems(lines: readonly ProjectProgress[], caseProjectIds: readonly string[]): FieldError[] {
  const known = new Set(caseProjectIds);
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  lines.forEach((line, i) => {
    const field = `projects.${i}.projectId`;
    if (!known.has(line.projectId)) {
      problems.push(problem(field, `Project ${line.projectId} is geen project van dit dossier; kies een project uit de projectportefeuille.`, `Project ${line.projectId} is not a project of this case; choose one from its project portfolio.`));
    } else if (seen.has(line.projectId)) {
      problems.push(problem(field, `Project ${line.projectId} staat al eerder in het verslag; meld elk project één keer.`, `Project ${line.projectId} is in the report already; report each project once.`));
    }
    seen.add(line.projectId);
  });
  return problems;
}

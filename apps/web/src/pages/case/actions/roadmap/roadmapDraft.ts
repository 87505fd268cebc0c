import type { components } from '../../../../api/schema';
import { row, type Row } from '../form/rows';
import type { EuropeanLinkRow } from './EuropeanLinksField';

export type RoadmapDraftBody = components['schemas']['RoadmapDraftDto'];
type Milestone = components['schemas']['MilestoneDto'];
type Commitment = components['schemas']['CommitmentDto'];


/** The form's state: texts as typed (the year too), lists as rows. */
export interface RoadmapDraftState {
  baseline: string;
  vision: string;
  horizonYear: string;
  objectives: Row<{ text: string }>[];
  milestones: Row<Milestone>[];
  commitments: Row<Commitment>[];
  projectPortfolio: Row<{ text: string }>[];
  internationalRoadmapLinks: Row<{ text: string }>[];
  europeanLinks: Row<EuropeanLinkRow>[];
  societalChallenges: Row<{ text: string }>[];
  reason: string;
}

export type TextListKey = 'objectives' | 'projectPortfolio' | 'internationalRoadmapLinks' | 'societalChallenges';

export function emptyDraft(): RoadmapDraftState {
  return { baseline: '', vision: '', horizonYear: '', objectives: [], milestones: [], commitments: [], projectPortfolio: [], internationalRoadmapLinks: [], europeanLinks: [], societalChallenges: [], reason: '' };
}

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The form, filled with a saved version (GET …/roadmap/versions gives its content as a free
 * object, so each field is read defensively).
 */
export function draftFromContent(content: Record<string, unknown>): RoadmapDraftState {
  const list = (value: unknown) => texts(value).map((t) => row({ text: t }));
  return {
    // Drafts from before issue 14 have neither a baseline nor structured links: both start empty.
    baseline: text(content.baseline),
    vision: text(content.vision),
    horizonYear: typeof content.horizonYear === 'number' ? String(content.horizonYear) : '',
    objectives: list(content.objectives),
    milestones: records(content.milestones).map((m) => row({ title: text(m.title), dueDate: text(m.dueDate) })),
    commitments: records(content.commitments).map((c) => row({ actor: text(c.actor), commitment: text(c.commitment) })),
    projectPortfolio: list(content.projectPortfolio),
    internationalRoadmapLinks: list(content.internationalRoadmapLinks),
    europeanLinks: records(content.europeanLinks).map((l) => row({ partnershipCode: text(l.partnershipCode), nature: text(l.nature), note: text(l.note) })),
    societalChallenges: list(content.societalChallenges),
    reason: '',
  };
}

/** The request body; the API checks every field and answers per field. */
export function draftBody(s: RoadmapDraftState): RoadmapDraftBody {
  const list = (rows: Row<{ text: string }>[]) => rows.map((r) => r.text);
  return {
    // An empty baseline is no baseline (the API takes 1 to 20,000 characters when one is given).
    ...(s.baseline.trim() ? { baseline: s.baseline } : {}),
    vision: s.vision,
    // An empty or partial year goes as null (NaN in JSON), so the API names the field.
    horizonYear: s.horizonYear.trim() === '' ? NaN : Number(s.horizonYear),
    objectives: list(s.objectives),
    milestones: s.milestones.map(({ title, dueDate }) => ({ title, dueDate })),
    commitments: s.commitments.map(({ actor, commitment }) => ({ actor, commitment })),
    projectPortfolio: list(s.projectPortfolio),
    internationalRoadmapLinks: list(s.internationalRoadmapLinks),
    europeanLinks: s.europeanLinks.map(({ partnershipCode, nature, note }) => ({ partnershipCode, nature, ...(note.trim() ? { note } : {}) })),
    societalChallenges: list(s.societalChallenges),
    ...(s.reason.trim() ? { reason: s.reason } : {}),
  };
}

/** The parts a roadmap is not submitted without (the API refuses a submission without them, 400 per field). */
export const PARTS_FOR_SUBMISSION = ['baseline', 'objectives', 'milestones', 'commitments'] as const;
export type PartForSubmission = (typeof PARTS_FOR_SUBMISSION)[number];

/**
 * What the form still lacks before it can be submitted, said before the user tries: the same
 * rule as the API's (libs/domain roadmap.ts), which stays the one that decides. The baseline
 * counts only where the case's policy version requires it.
 */
export function submissionGaps(s: RoadmapDraftState, baselineRequired = false): PartForSubmission[] {
  const filled = (text: string) => text.trim() !== '';
  const present: Record<PartForSubmission, boolean> = {
    baseline: !baselineRequired || filled(s.baseline),
    objectives: s.objectives.some((o) => filled(o.text)),
    milestones: s.milestones.some((m) => filled(m.title) && filled(m.dueDate)),
    commitments: s.commitments.some((c) => filled(c.actor) && filled(c.commitment)),
  };
  return PARTS_FOR_SUBMISSION.filter((part) => !present[part]);
}

/** The content only (no reason), to tell whether the form differs from the saved version. */
export function contentKey(s: RoadmapDraftState): string {
  const body = draftBody(s);
  delete body.reason;
  return JSON.stringify(body);
}

import type { RoadmapContent } from './case';
import type { FieldError } from './errors';

/**
 * The parts a roadmap cannot be submitted without (DOMAIN.md: "objectives, milestones and
 * commitments of the actors"); a draft may lack them, since drafting takes months.
 */
export const ROADMAP_PARTS_FOR_SUBMISSION = ['objectives', 'milestones', 'commitments'] as const;
export type RoadmapPartForSubmission = (typeof ROADMAP_PARTS_FOR_SUBMISSION)[number];

const NAMES: Record<RoadmapPartForSubmission, { nl: string; en: string }> = {
  objectives: { nl: 'doelstelling', en: 'objective' },
  milestones: { nl: 'mijlpaal', en: 'milestone' },
  commitments: { nl: 'engagement van een actor', en: 'commitment of an actor' },
};

const filled = (text: unknown) => typeof text === 'string' && text.trim() !== '';

const PRESENT: Record<RoadmapPartForSubmission, (c: RoadmapContent) => boolean> = {
  objectives: (c) => (c.objectives ?? []).some(filled),
  milestones: (c) => (c.milestones ?? []).some((m) => filled(m.title) && filled(m.dueDate)),
  commitments: (c) => (c.commitments ?? []).some((m) => filled(m.actor) && filled(m.commitment)),
};

/** The parts a draft still lacks before it can be submitted (none: it can). */
export function roadmapSubmissionGaps(content: RoadmapContent): RoadmapPartForSubmission[] {
  return ROADMAP_PARTS_FOR_SUBMISSION.filter((part) => !PRESENT[part](content));
}

/** Per missing part, Dutch first, then English: for the 400 of a submission. */
export function roadmapSubmissionProblems(content: RoadmapContent): FieldError[] {
  return roadmapSubmissionGaps(content).map((field) => ({
    field,
    messages: [`Een routekaart wordt pas ingediend met minstens één ${NAMES[field].nl}. / A roadmap is submitted only with at least one ${NAMES[field].en}.`],
  }));
}

/** The 400's own sentence, naming what is missing. */
export function roadmapSubmissionRefusal(gaps: RoadmapPartForSubmission[]): string {
  const nl = { objectives: 'doelstellingen', milestones: 'mijlpalen', commitments: 'engagementen' };
  return `De laatste versie van de routekaart mist nog ${gaps.map((g) => nl[g]).join(', ')}; vul die aan, bewaar en dien dan in. / ` +
    `The latest roadmap version still lacks ${gaps.join(', ')}; add them, save, then submit.`;
}

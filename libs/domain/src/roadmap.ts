import type { RoadmapContent } from './case';
import type { FieldError } from './errors';
import type { PolicyDocument } from './policy';

/**
 * The parts a roadmap cannot be submitted without (DOMAIN.md: "objectives, milestones and
 * commitments of the actors"; and, under a policy version that asks for it, the baseline, issue 14);
 * a draft may lack them, since drafting takes months.
 */
export const ROADMAP_PARTS_FOR_SUBMISSION = ['baseline', 'objectives', 'milestones', 'commitments'] as const;
export type RoadmapPartForSubmission = (typeof ROADMAP_PARTS_FOR_SUBMISSION)[number];

/**
 * The parts the case's policy version requires. The baseline only where the version says so
 * (`roadmapBaselineRequired`): a case keeps the version it started with, so a cluster that began
 * drafting before the baseline existed (or is sent back to revise) is never stopped by it; every
 * case opened on a version that asks for it (the seed does) submits with one.
 */
export function roadmapPartsRequired(policy: Pick<PolicyDocument, 'roadmapBaselineRequired'> | null | undefined): RoadmapPartForSubmission[] {
  return ROADMAP_PARTS_FOR_SUBMISSION.filter((part) => part !== 'baseline' || policy?.roadmapBaselineRequired === true);
}

const NAMES: Record<RoadmapPartForSubmission, { nl: string; en: string; nlPlural: string; enPlural: string }> = {
  baseline: { nl: 'beschrijving van vandaag (de uitgangssituatie)', en: 'baseline (today)', nlPlural: 'de beschrijving van vandaag', enPlural: 'baseline' },
  objectives: { nl: 'doelstelling', en: 'objective', nlPlural: 'doelstellingen', enPlural: 'objectives' },
  milestones: { nl: 'mijlpaal', en: 'milestone', nlPlural: 'mijlpalen', enPlural: 'milestones' },
  commitments: { nl: 'engagement van een actor', en: 'commitment of an actor', nlPlural: 'engagementen', enPlural: 'commitments' },
};

const filled = (text: unknown) => typeof text === 'string' && text.trim() !== '';

const PRESENT: Record<RoadmapPartForSubmission, (c: RoadmapContent) => boolean> = {
  baseline: (c) => filled(c.baseline),
  objectives: (c) => (c.objectives ?? []).some(filled),
  milestones: (c) => (c.milestones ?? []).some((m) => filled(m.title) && filled(m.dueDate)),
  commitments: (c) => (c.commitments ?? []).some((m) => filled(m.actor) && filled(m.commitment)),
};

/** The parts a draft still lacks before it can be submitted (none: it can). Without `required`: the parts every version requires. */
export function roadmapSubmissionGaps(content: RoadmapContent, required: readonly RoadmapPartForSubmission[] = roadmapPartsRequired(null)): RoadmapPartForSubmission[] {
  return required.filter((part) => !PRESENT[part](content));
}

/** Per missing part, Dutch first, then English: for the 400 of a submission. */
export function roadmapSubmissionProblems(content: RoadmapContent, required?: readonly RoadmapPartForSubmission[]): FieldError[] {
  return roadmapSubmissionGaps(content, required).map((field) => ({
    field,
    messages: [
      field === 'baseline'
        ? 'Een routekaart wordt pas ingediend met een beschrijving van vandaag (de uitgangssituatie). / A roadmap is submitted only with its baseline (today).'
        : `Een routekaart wordt pas ingediend met minstens één ${NAMES[field].nl}. / A roadmap is submitted only with at least one ${NAMES[field].en}.`,
    ],
  }));
}

/** The 400's own sentence, naming what is missing. */
export function roadmapSubmissionRefusal(gaps: RoadmapPartForSubmission[]): string {
  return `De laatste versie van de routekaart mist nog ${gaps.map((g) => NAMES[g].nlPlural).join(', ')}; vul die aan, bewaar en dien dan in. / ` +
    `The latest roadmap version still lacks ${gaps.map((g) => NAMES[g].enPlural).join(', ')}; add them, save, then submit.`;
}

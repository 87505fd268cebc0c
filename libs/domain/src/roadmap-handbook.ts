import type { FieldError } from './errors';
import type { LocalizedText } from './policy';

/**
 * The roadmap handbook (issue 14; the concept note's "handleiding met 'best practice' methode
 * voor strategische roadmaps"): guidance per section of the roadmap, read as today → roadmap →
 * vision 20xx. The sections are fixed (they are the roadmap's own parts, RoadmapContent); the
 * guidance is reference data, versioned with the rest, so a case reads the handbook of its version.
 */
export const ROADMAP_HANDBOOK_SECTIONS = [
  'baseline',
  'objectives',
  'milestones',
  'commitments',
  'projects',
  'internationalPositioning',
  'societalChallenges',
  'vision',
] as const;
export type RoadmapHandbookSection = (typeof ROADMAP_HANDBOOK_SECTIONS)[number];

/** Where each section sits on the note's line: today → roadmap → vision 20xx. */
export const HANDBOOK_PHASE: Record<RoadmapHandbookSection, 'today' | 'roadmap' | 'vision'> = {
  baseline: 'today',
  objectives: 'roadmap',
  milestones: 'roadmap',
  commitments: 'roadmap',
  projects: 'roadmap',
  internationalPositioning: 'roadmap',
  societalChallenges: 'roadmap',
  vision: 'vision',
};

export interface HandbookGuidance {
  section: RoadmapHandbookSection;
  guidance: LocalizedText;
}

/** Each section at most once, and only the roadmap's own sections. */
export function handbookProblems(handbook: HandbookGuidance[] | undefined): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  (handbook ?? []).forEach((g, i) => {
    if (!(ROADMAP_HANDBOOK_SECTIONS as readonly string[]).includes(g.section)) {
      problems.push({
        field: `roadmapHandbook.${i}.section`,
        messages: [`Kies een deel van de routekaart: ${ROADMAP_HANDBOOK_SECTIONS.join(', ')}. / Choose a section of the roadmap: ${ROADMAP_HANDBOOK_SECTIONS.join(', ')}.`],
      });
    } else if (seen.has(g.section)) {
      problems.push({ field: `roadmapHandbook.${i}.section`, messages: [`Het deel ${g.section} heeft al richtlijnen. / The section ${g.section} has guidance already.`] });
    }
    seen.add(g.section);
  });
  return problems;
}

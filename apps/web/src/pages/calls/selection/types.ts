import type { components } from '../../../api/schema';

/** GET /api/calls/{id}/candidates: the candidates side by side. */
export type Comparison = components['schemas']['CandidateComparisonDto'];
export type Candidate = components['schemas']['CandidateDto'];
export type EnvelopeUse = components['schemas']['EnvelopeUseDto'];
/** GET /api/calls/{id}/selection: one proposed selection with its decision. */
export type Selection = components['schemas']['SelectionDto'];
export type Standing = 'eligible' | 'being_assessed' | 'not_in_time' | 'ended';

/** A criterion's text (as the comparison carries it) in the interface language. */
export function criterionText(comparison: Pick<Comparison, 'criteria'>, code: string, language: string): string {
  const text = comparison.criteria.find((c) => c.code === code)?.text;
  return (language === 'en' ? text?.en : text?.nl) ?? '';
}

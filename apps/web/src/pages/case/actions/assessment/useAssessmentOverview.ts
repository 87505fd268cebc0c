import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

type Overview = components['schemas']['AssessmentOverviewDto'];

export const ASSIGNMENT_STATUSES = ['assigned', 'cleared', 'conflict_declared', 'submitted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** One assessor's assignment, as far as the forms need it. */
export interface Assignment {
  assessorId: string;
  status: AssignmentStatus;
}

/**
 * The OpenAPI document gives the overview's assignments as free objects; read the two fields the
 * forms use and skip anything that does not have them.
 */
function assignmentsOf(overview: Overview): Assignment[] {
  return overview.assignments.flatMap((a) => {
    const { assessorId, status } = a as { assessorId?: unknown; status?: unknown };
    return typeof assessorId === 'string' && ASSIGNMENT_STATUSES.includes(status as AssignmentStatus) ? [{ assessorId, status: status as AssignmentStatus }] : [];
  });
}

/** Who assesses the submitted version, how far each is, and how many assessments are needed. */
export function useAssessmentOverview(caseId: string) {
  const { data, error, pending: loading } = useApiQuery(queryKeys.caseAssessments(caseId), () => api.GET('/api/cases/{id}/assessments', { params: { path: { id: caseId } } }));
  return {
    loading,
    error,
    requiredCount: data?.requiredCount ?? 0,
    submittedCount: data?.assessments.length ?? 0,
    assignments: data ? assignmentsOf(data) : [],
  };
}

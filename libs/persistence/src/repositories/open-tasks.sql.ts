import type { CaseTaskEntity } from '../entities';

/**
 * A case's open tasks as one JSON array, for a select list over `cases c`: the case and what waits
 * on it come back in one row, so a case page or a page of the case list is one round trip.
 * Ordered as the case page always listed them: due first (no due date last), then oldest.
 */
export const OPEN_TASKS_JSON_SQL = `(SELECT COALESCE(json_agg(json_build_object(
    'id', t.id, 'caseId', t.case_id, 'kind', t.kind, 'assigneeRole', t.assignee_role, 'assigneeRef', t.assignee_ref,
    'subjectId', t.subject_id, 'dueAt', t.due_at, 'status', t.status, 'createdAt', t.created_at, 'closedAt', t.closed_at)
    ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC, t.id ASC), '[]'::json)
   FROM case_tasks t WHERE t.case_id = c.id AND t.status = 'open')`;

type TaskJson = Omit<CaseTaskEntity, 'dueAt' | 'createdAt' | 'closedAt'> & { dueAt: string | null; createdAt: string; closedAt: string | null };

/** The JSON array back as entities (JSON carries times as ISO text; Date truncates to ms, as the driver does). */
export function openTasksOf(json: TaskJson[] | null | undefined): CaseTaskEntity[] {
  return (json ?? []).map((t) => ({
    ...t,
    dueAt: t.dueAt === null ? null : new Date(t.dueAt),
    createdAt: new Date(t.createdAt),
    closedAt: t.closedAt === null ? null : new Date(t.closedAt),
  }));
}

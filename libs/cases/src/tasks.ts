import { randomUUID } from 'node:crypto';
import type { CaseTaskEntity } from '@cluster/persistence';

/**
 * A new open task on a case, waiting on a person (`assigneeRef` a user id), a council
 * (`council:RI`) or a case's representatives (`case:<id>`).
 */
export function newTask(
  caseId: string,
  kind: string,
  assignee: { role: string; ref: string | null },
  createdAt: Date,
  more: { subjectId?: string; dueAt?: Date } = {},
): Omit<CaseTaskEntity, 'status' | 'closedAt'> {
  return {
    id: randomUUID(),
    caseId,
    kind,
    assigneeRole: assignee.role,
    assigneeRef: assignee.ref,
    subjectId: more.subjectId ?? null,
    dueAt: more.dueAt ?? null,
    createdAt,
  };
}

/** The case handler `userId`, personally. */
export const handler = (userId: string) => ({ role: 'case_handler', ref: userId });

import type { CaseView } from '@cluster/domain';
import type { CaseEntity, CaseTaskEntity } from '@cluster/persistence';

export function toCaseView(row: CaseEntity, tasks: CaseTaskEntity[]): CaseView {
  return {
    id: row.id,
    workflowId: row.workflowId,
    clusterName: row.clusterName,
    domain: row.domain,
    leadActors: row.leadActors,
    partners: row.partners,
    accountManagerId: row.accountManagerId,
    standInId: row.standInId ?? null,
    callId: row.callId ?? null,
    stage: row.stage,
    policyVersion: row.policyVersion,
    latestRoadmapVersion: row.latestRoadmapVersion,
    pilot: row.pilot,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    pendingTasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      assigneeRole: t.assigneeRole,
      assigneeRef: t.assigneeRef,
      dueAt: t.dueAt ? t.dueAt.toISOString() : null,
      createdAt: t.createdAt.toISOString(),
    })),
  };
}

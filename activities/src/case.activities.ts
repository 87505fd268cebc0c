import type { CaseView, NewCaseDetails, RoadmapContent } from '@cluster/domain';
import type { CommandMeta, RoadmapDraftSaved } from '@cluster/contracts';
import type { CaseCommandsService } from '@cluster/cases';
import type { RemindersService, TermEventKind } from '@cluster/reminders';
import { asActivity } from './activity-errors';

/** Identifies one accepted update: the idempotency key of what it writes. */
export interface UpdateRef {
  workflowId: string;
  updateId: string;
}

export interface CaseActivityDeps {
  commands: CaseCommandsService;
  reminders: RemindersService;
}

/** Thin adapters from the worker to the services in libs/ (dependencies injected by the worker). */
export function createCaseActivities({ commands, reminders }: CaseActivityDeps) {
  return {
    registerCase(ref: UpdateRef, caseId: string, details: NewCaseDetails, meta: CommandMeta): Promise<CaseView> {
      return asActivity(() =>
        commands.registerCase(caseId, details, { meta, workflowId: ref.workflowId, idempotencyKey: key(ref) }),
      );
    },

    saveRoadmapDraft(ref: UpdateRef, caseId: string, content: RoadmapContent, meta: CommandMeta): Promise<RoadmapDraftSaved> {
      return asActivity(() =>
        commands.saveRoadmapDraft(caseId, content, { meta, workflowId: ref.workflowId, idempotencyKey: key(ref) }),
      );
    },

    recordTermEvent(workflowId: string, caseId: string, subject: string, kind: TermEventKind, dueAt: string, n: number): Promise<void> {
      return asActivity(() =>
        reminders.recordTermEvent({ caseId, subject, kind, dueAt, workflowId, idempotencyKey: `${workflowId}:${kind}:${n}` }),
      );
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

function key(ref: UpdateRef): string {
  return `${ref.workflowId}:${ref.updateId}`;
}

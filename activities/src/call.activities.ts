import { CALL_REMINDER_DAYS_BEFORE, type ApprovalDecision, type CallInput, type SelectionProposal } from '@cluster/domain';
import type { CallOpened, CommandMeta, SelectionDecidedResult, SelectionProposedResult } from '@cluster/contracts';
import type { CallDeadlineService, CallService, SelectionService } from '@cluster/cases';
import { asActivity, asCommand } from './activity-errors';
import type { UpdateRef } from './case.activities';

export interface CallActivityDeps {
  calls: CallService;
  selections: SelectionService;
  deadlines: CallDeadlineService;
}

/** Thin adapters from the call workflow (workflows/src/call.workflow.ts) to the services in libs/. */
export function createCallActivities({ calls, selections, deadlines }: CallActivityDeps) {
  const ctx = (ref: UpdateRef, meta: CommandMeta) => ({ actor: meta.actor, requestId: meta.requestId, workflowId: ref.workflowId, idempotencyKey: `${ref.workflowId}:${ref.updateId}` });
  return {
    async openCall(ref: UpdateRef, callId: string, input: CallInput, meta: CommandMeta): Promise<CallOpened> {
      return asCommand(ref, callId, async () => {
        const view = await calls.open(input, meta.actor, meta.requestId, callId);
        return { callId: view.id, registrationClosesAt: view.registrationClosesAt, reminderDaysBefore: CALL_REMINDER_DAYS_BEFORE };
      });
    },

    proposeSelection(ref: UpdateRef, callId: string, proposal: SelectionProposal, meta: CommandMeta): Promise<SelectionProposedResult> {
      return asCommand(ref, callId, () => selections.propose(callId, proposal, ctx(ref, meta)));
    },

    decideSelection(ref: UpdateRef, callId: string, selectionId: string, decision: ApprovalDecision, comment: string, meta: CommandMeta): Promise<SelectionDecidedResult> {
      return asCommand(ref, callId, () => selections.decide(callId, selectionId, decision, comment, ctx(ref, meta)));
    },

    remindCallDeadline(workflowId: string, callId: string, daysBefore: number, firedAt: string): Promise<number> {
      return asActivity(() => deadlines.remind(callId, daysBefore, new Date(firedAt), workflowId));
    },

    closeCallRegistration(workflowId: string, callId: string, firedAt: string): Promise<{ candidates: number }> {
      return asActivity(() => deadlines.closeRegistration(callId, new Date(firedAt), workflowId));
    },
  };
}

export type CallActivities = ReturnType<typeof createCallActivities>;

import { Injectable } from '@nestjs/common';
import { AuditService } from '@cluster/audit';
import { NotificationsService, selectionOutcomeMessage } from '@cluster/notifications';
import type { SelectionOutcome } from '@cluster/domain';
import { commandRef, Database, type Repositories } from '@cluster/persistence';
import type { CommandContext } from '../case-lock';
import { DialogueService } from '../dialogue.service';

export interface SelectionOutcomeInput {
  callId: string;
  selectionId: string;
  outcome: SelectionOutcome;
  reason: string;
}

export interface SelectionOutcomeApplied {
  /** The case's stage after it: `advice` when selected, `closed` when not; unchanged when the case had ended already. */
  stage: string;
  applied: boolean;
}

/**
 * What an approved selection does to one candidate, in the candidate's own transaction and trail:
 * a selected case goes on to the councils' advice; a case not selected is closed with the reason
 * (closure `not_selected`, nothing left waiting). The event names the selection and the hash of
 * the comparison it was made on, so the case's evidence bundle shows what it was compared with.
 * A case that ended meanwhile (withdrawn) is left as it is.
 */
@Injectable()
export class SelectionOutcomeService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly dialogue: DialogueService,
    private readonly notifications: NotificationsService,
  ) {}

  async apply(caseId: string, s: SelectionOutcomeInput, ctx: CommandContext): Promise<SelectionOutcomeApplied> {
    return this.db.once(commandRef(ctx, caseId, 'applySelection'), async (repos) => {
      const row = await repos.cases.findByIdForUpdate(caseId);
      if (!row) throw new Error(`Case ${caseId} of call ${s.callId} is missing`);
      const waiting = s.outcome === 'selected' ? row.stage === 'selection' : row.stage === 'selection' || row.stage === 'roadmap_drafting';
      if (!waiting || row.callId !== s.callId) return { stage: row.stage, applied: false };
      const selection = await repos.calls.selectionById(s.selectionId);
      const call = await repos.calls.findById(s.callId);
      if (selection?.status !== 'approved' || !call) throw new Error(`Selection ${s.selectionId} of call ${s.callId} is not approved`);
      const at = new Date();
      const payload = { callId: s.callId, title: call.title, selectionId: s.selectionId, outcome: s.outcome, comparisonSha256: selection.comparisonSha256, proposedBy: selection.proposedBy, approvedBy: selection.decidedBy };
      if (s.outcome === 'selected') {
        await repos.cases.update(caseId, { stage: 'advice', updatedAt: at });
        await this.audit.append(repos, {
          actor: ctx.meta.actor,
          action: 'case.selected',
          caseId,
          reason: s.reason,
          payload: { ...payload, stage: 'advice' },
          documentHashes: [selection.comparisonSha256],
          requestId: ctx.meta.requestId,
          workflowId: ctx.workflowId,
          idempotencyKey: ctx.idempotencyKey,
          occurredAt: at,
        });
      } else {
        await this.dialogue.closeIn(repos, caseId, { reason: 'not_selected', explanation: s.reason, finalReport: '', closedBy: selection.decidedBy!, payload }, at, ctx);
      }
      await this.notifyCandidate(repos, caseId, row.accountManagerId, call.title, row.clusterName, s, at, ctx.idempotencyKey);
      return { stage: s.outcome === 'selected' ? 'advice' : 'closed', applied: true };
    });
  }

  private async notifyCandidate(repos: Repositories, caseId: string, accountManagerId: string, title: string, clusterName: string, s: SelectionOutcomeInput, at: Date, key: string) {
    const representatives = await repos.users.boundTo(caseId);
    await this.notifications.notify(repos, { userIds: [accountManagerId, ...representatives] }, {
      caseId,
      kind: 'selection_outcome',
      message: selectionOutcomeMessage(title, clusterName, s.outcome === 'selected', s.reason),
      key,
      at,
    });
  }
}

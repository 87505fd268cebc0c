import { defineUpdate } from '@temporalio/workflow';
import type { ApprovalDecision, CaseStage, TerminationKind } from '@cluster/domain';
import type { CommandMeta } from './command.contract';
import type { AuditHead } from './case-workflow.contract';

/** A proposal to end the case early, recorded with its approval; nothing changed yet. */
export interface TerminationProposed {
  proposalId: string;
  approvalId: string;
  kind: TerminationKind;
  /** The case's stage, unchanged until an approver approves. */
  stage: CaseStage;
  proposedBy: string;
  proposedAt: string;
}

export interface TerminationDecided {
  approvalId: string;
  kind: TerminationKind;
  decision: ApprovalDecision;
  stage: CaseStage;
  /** Approved: the case chain's last event, kept by the workflow as the final anchor. */
  auditHead?: AuditHead;
}

export interface ProposeTerminationArgs {
  meta: CommandMeta;
  kind: TerminationKind;
  /** Why: the rejection's remarks, the evaluation, the explanation, the withdrawal's reason. */
  reason: string;
  /** An early end's final report (the closure keeps it). */
  finalReport?: string;
}

// Message names are frozen wire names.
export const proposeTerminationUpdate = defineUpdate<TerminationProposed, [ProposeTerminationArgs]>('proposeTermination');
export const decideTerminationUpdate = defineUpdate<
  TerminationDecided,
  [{ meta: CommandMeta; approvalId: string; decision: ApprovalDecision; comment: string }]
>('decideTermination');

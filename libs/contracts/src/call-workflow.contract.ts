import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ApprovalDecision, CallInput, SelectionOutcome, SelectionProposal } from '@cluster/domain';
import type { CommandMeta } from './command.contract';

/**
 * A call for spearhead clusters as its own durable process (issue 14): opened by its first
 * update, it reminds the candidates still drafting, closes registration at its moment, and waits
 * for its selection (four eyes); once approved it tells each candidate's case workflow what the
 * selection means for it. Its history stays bounded: a few events per candidate, once.
 */
export const CALL_WORKFLOW_TYPE = 'callWorkflow';

export function callWorkflowId(callId: string): string {
  return `call-${callId}`;
}

export interface CallWorkflowInput {
  callId: string;
  input: CallInput;
}

/** The call as opened (what the workflow's timers need). */
export interface CallOpened {
  callId: string;
  registrationClosesAt: string;
  /** Days before registration closes on which the candidates still drafting are reminded. */
  reminderDaysBefore: number[];
}

export interface OpenCallArgs {
  meta: CommandMeta;
}

export interface ProposeSelectionArgs {
  meta: CommandMeta;
  proposal: SelectionProposal;
}

export interface DecideSelectionArgs {
  meta: CommandMeta;
  selectionId: string;
  decision: ApprovalDecision;
  comment: string;
}

export interface SelectionProposedResult {
  selectionId: string;
  approvalId: string;
  comparisonSha256: string;
  status: 'proposed';
}

export interface SelectionDecidedResult {
  selectionId: string;
  status: 'approved' | 'sent_back';
  outcomes: { caseId: string; outcome: SelectionOutcome; reason: string }[];
}

export interface CallWorkflowState {
  opened: boolean;
  registrationClosed: boolean;
  remindersSent: number;
  selection: 'none' | 'proposed' | 'approved';
  /** Candidates told their outcome so far. */
  outcomesSent: number;
}

export const openCallUpdate = defineUpdate<CallOpened, [OpenCallArgs]>('openCall');
export const proposeSelectionUpdate = defineUpdate<SelectionProposedResult, [ProposeSelectionArgs]>('proposeSelection');
export const decideSelectionUpdate = defineUpdate<SelectionDecidedResult, [DecideSelectionArgs]>('decideSelection');
export const callStateQuery = defineQuery<CallWorkflowState>('callState');

/** To a candidate's case workflow: what the approved selection means for it. */
export interface SelectionOutcomeSignalArgs {
  callId: string;
  selectionId: string;
  outcome: SelectionOutcome;
  reason: string;
  /** The approver: the actor of the candidate's own event. */
  approvedBy: CommandMeta['actor'];
  requestId: string;
}
export const selectionOutcomeSignal = defineSignal<[SelectionOutcomeSignalArgs]>('selectionOutcome');

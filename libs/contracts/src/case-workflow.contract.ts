import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseStage, CaseView, NewCaseDetails, PendingTermination, RoadmapContent } from '@cluster/domain';
import type { CommandMeta } from './command.contract';

/** Workflow type name: frozen, never rename a deployed one. */
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export interface CaseWorkflowInput {
  caseId: string;
  details: NewCaseDetails;
  /** Set when the workflow continues as new during the structured dialogue (one run per cycle). */
  resume?: DialogueResume;
}

export interface DialogueResume {
  cycle: number;
  startedAt: string;
  termYears: number;
  cadenceMonths: number;
  /** The case chain's head as anchored so far (kept across runs). */
  auditHead?: AuditHead | null;
  /** Release approvals still pending: approval id → requester (for four eyes). */
  pendingReleases: [string, string][];
  /** The agreement version being signed or last signed (an amendment may be under way). */
  agreement?: {
    versionId: string;
    version: number;
    sha256: string;
    signBy: string;
    signers: { partyId: string; userId: string }[];
    reminderDaysBefore: number[];
    /** Signed by all, or its lapse escalated: nothing left to watch. Absent in runs started before it existed. */
    settled?: boolean;
  } | null;
  /** An early end or a withdrawal awaiting approval (four eyes). Absent in runs started before it existed. */
  pendingTermination?: PendingTermination | null;
}

export interface RegisterCaseArgs {
  meta: CommandMeta;
}

export interface SaveRoadmapDraftArgs {
  meta: CommandMeta;
  content: RoadmapContent;
}

export interface RoadmapDraftSaved {
  caseId: string;
  version: number;
  sha256: string;
  savedAt: string;
}

export interface CaseWorkflowState {
  stage: CaseStage;
  registered: boolean;
  submittedVersion: number | null;
  assessors: Record<string, string>;
  advice: Record<string, { requestId: string; dueAt: string; status: string }>;
  pendingApprovalId: string | null;
  dialogueCycle?: number | null;
  /** The agreement's term and cadence as the dialogue runs them (an amendment may extend it). */
  dialogueTerm?: { termYears: number; cadenceMonths: number; cycles: number } | null;
  /** The newest audit event the workflow was told of; null before the first. */
  auditHead?: AuditHead | null;
  /** A termination (rejection, stop, early end, withdrawal) awaiting approval. */
  pendingTermination?: PendingTermination | null;
}

// Message names are frozen wire names.
export const registerCaseUpdate = defineUpdate<CaseView, [RegisterCaseArgs]>('registerCase');
export const saveRoadmapDraftUpdate = defineUpdate<RoadmapDraftSaved, [SaveRoadmapDraftArgs]>(
  'saveRoadmapDraft',
);
/** A case chain's newest event: its place and hash (see the audit head anchor). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Sent after every commit that extends the case's audit chain: the workflow keeps the head, so
 * events deleted from the database's tail are detected (the workflow's history is kept apart).
 */
export const auditHeadSignal = defineSignal<[AuditHead]>('auditHead');

export const caseStateQuery = defineQuery<CaseWorkflowState>('caseState');

import { defineUpdate } from '@temporalio/workflow';
import type {
  AgreementContent,
  DialogueAction,
  DialogueOutcome,
  DialogueReport,
  MilestonePlan,
  TrajectoryOutcome,
  AdvicePosition,
  AdviceRequestRef,
  ApprovalDecision,
  AssessmentContent,
  CaseStage,
  ConclusionOutcome,
  DecisionProposal,
} from '@cluster/domain';
import type { CommandMeta } from './command.contract';
import type { AuditHead } from './case-workflow.contract';

export interface RoadmapSubmitted {
  caseId: string;
  version: number;
  sha256: string;
  submittedAt: string;
  requiredAssessments: number;
}

export interface AssessorsAssigned {
  caseId: string;
  roadmapVersion: number;
  assessorIds: string[];
}

export interface ConflictDeclared {
  assessorId: string;
  hasConflict: boolean;
}

export interface AssessmentSubmitted {
  assessmentId: string;
  assessorId: string;
  roadmapVersion: number;
  submittedCount: number;
  requiredCount: number;
}

export interface AssessmentConcluded {
  outcome: ConclusionOutcome;
  stage: CaseStage;
}

export interface AdviceRoundOpened {
  round: number;
  requests: AdviceRequestRef[];
}

export interface AdviceSubmitted {
  requestId: string;
  councilCode: string;
  position: AdvicePosition;
  advisedAt: string;
}

export interface DecisionProposed {
  decisionId: string;
  version: number;
  approvalId: string;
  proposedBy: string;
}

export interface ApprovalDecided {
  approvalId: string;
  decision: ApprovalDecision;
  stage: CaseStage;
}

// Message names are frozen wire names.
export const submitRoadmapUpdate = defineUpdate<RoadmapSubmitted, [{ meta: CommandMeta }]>('submitRoadmap');
export const assignAssessorsUpdate = defineUpdate<AssessorsAssigned, [{ meta: CommandMeta; assessorIds: string[] }]>('assignAssessors');
export const declareConflictUpdate = defineUpdate<ConflictDeclared, [{ meta: CommandMeta; hasConflict: boolean; note?: string }]>(
  'declareConflict',
);
export const submitAssessmentUpdate = defineUpdate<AssessmentSubmitted, [{ meta: CommandMeta; content: AssessmentContent }]>(
  'submitAssessment',
);
export const concludeAssessmentUpdate = defineUpdate<AssessmentConcluded, [{ meta: CommandMeta; outcome: ConclusionOutcome; remarks: string }]>(
  'concludeAssessment',
);
export const submitAdviceUpdate = defineUpdate<
  AdviceSubmitted,
  [{ meta: CommandMeta; councilCode: string; position: AdvicePosition; text: string }]
>('submitAdvice');
export const proposeDecisionUpdate = defineUpdate<DecisionProposed, [{ meta: CommandMeta; proposal: DecisionProposal }]>(
  'proposeDecision',
);
export const decideApprovalUpdate = defineUpdate<
  ApprovalDecided,
  [{ meta: CommandMeta; approvalId: string; decision: ApprovalDecision; comment: string }]
>('decideApproval');

export interface MilestoneRef {
  milestoneId: string;
  dueAt: string;
  met: boolean;
  /** From the case's policy version: when to remind before the due date. */
  reminderDaysBefore?: number[];
}

export interface TrajectoryEvaluated {
  outcome: TrajectoryOutcome;
  stage: CaseStage;
  milestones: MilestoneRef[];
}

export const planTrajectoryUpdate = defineUpdate<MilestoneRef[], [{ meta: CommandMeta; milestones: MilestonePlan[]; pilot: boolean }]>('planTrajectory');
export const recordMilestoneEvidenceUpdate = defineUpdate<MilestoneRef, [{ meta: CommandMeta; milestoneId: string; evidence: string }]>(
  'recordMilestoneEvidence',
);
export const concludeTrajectoryUpdate = defineUpdate<
  TrajectoryEvaluated,
  [{ meta: CommandMeta; outcome: TrajectoryOutcome; evaluation: string; newDueDates: { milestoneId: string; dueDate: string }[] }]
>('concludeTrajectory');

export interface AgreementDrafted {
  agreementVersionId: string;
  version: number;
  sha256: string;
  signBy: string;
  signers: { partyId: string; userId: string }[];
  reminderDaysBefore: number[];
  voidedSignatures: number;
}

export interface AgreementSigned {
  version: number;
  partyId: string;
  signed: number;
  of: number;
  stage: CaseStage;
  /** Present once the last party signed: the dialogue starts from here. */
  dialogue?: DialogueTerms;
}

export interface DialogueTerms {
  startedAt: string;
  termYears: number;
  cadenceMonths: number;
}

export interface ReleaseRequested {
  releaseId: string;
  approvalId: string;
}

export interface ReleaseDecided {
  releaseId: string;
  status: 'requested' | 'approved' | 'sent_back' | 'refused' | 'superseded';
}

export interface CaseClosed {
  stage: 'closed';
  returnedCents: number;
  /** The case chain's last event, kept by the workflow as the final anchor. */
  auditHead?: AuditHead;
}

export const submitDialogueReportUpdate = defineUpdate<{ cycle: number; status: string }, [{ meta: CommandMeta; cycle: number; report: DialogueReport }]>(
  'submitDialogueReport',
);
export const recordDialogueOutcomeUpdate = defineUpdate<
  { cycle: number; outcome: DialogueOutcome },
  [{ meta: CommandMeta; cycle: number; outcome: DialogueOutcome; actions: DialogueAction[] }]
>('recordDialogueOutcome');
export const requestReleaseUpdate = defineUpdate<
  ReleaseRequested,
  [{ meta: CommandMeta; instrumentCode: string; amountCents: number; justification: string; basis: string }]
>('requestRelease');
export const decideReleaseUpdate = defineUpdate<
  ReleaseDecided,
  [{ meta: CommandMeta; approvalId: string; decision: ApprovalDecision; comment: string }]
>('decideRelease');
export const closeCaseUpdate = defineUpdate<CaseClosed, [{ meta: CommandMeta; explanation: string; finalReport: string }]>('closeCase');

export const draftAgreementUpdate = defineUpdate<AgreementDrafted, [{ meta: CommandMeta; content: AgreementContent }]>('draftAgreement');
export const signAgreementUpdate = defineUpdate<AgreementSigned, [{ meta: CommandMeta; sha256: string; partyId: string }]>('signAgreement');

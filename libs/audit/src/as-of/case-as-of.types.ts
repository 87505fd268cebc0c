import type { CaseStage } from '@cluster/domain';

/** The fields of a recorded audit event that the rebuild reads (an AuditEventEntity has them all). */
export interface RecordedEvent {
  seq: number;
  hash: string;
  occurredAt: Date;
  action: string;
  actorId: string;
  actorName: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

/** Who did something, as the event recorded them (name as it was then). */
export interface AsOfPerson {
  userId: string;
  name: string | null;
}

export interface AsOfRoadmapVersion {
  version: number;
  kind: 'draft' | 'submitted';
  sha256: string;
  at: string;
  by: AsOfPerson;
}

export interface AsOfAssessor {
  assessorId: string;
  assessorName: string | null;
  status: 'assigned' | 'cleared' | 'conflict_declared' | 'submitted';
  submittedAt: string | null;
  gateAnswers: { code: string; answer: boolean }[];
  scores: { code: string; score: number }[];
}

export interface AsOfConclusion {
  roadmapVersion: number;
  outcome: string;
  remarks: string | null;
  at: string;
  by: AsOfPerson;
}

export interface AsOfAdvice {
  councilCode: string;
  requestId: string;
  dueAt: string | null;
  status: 'open' | 'advised' | 'lapsed' | 'withdrawn';
  position: string | null;
  /** When it was given, or when the term lapsed. */
  at: string | null;
  by: AsOfPerson | null;
}

export interface AsOfDecision {
  decisionId: string;
  version: number;
  outcome: string;
  conditions: string | null;
  roadmapVersion: number | null;
  proposedBy: AsOfPerson;
  proposedAt: string;
  status: 'proposed' | 'approved' | 'sent_back' | 'superseded';
  approvalId: string | null;
  decidedBy: AsOfPerson | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface AsOfMilestone {
  milestoneId: string;
  action: string;
  instrumentCode: string;
  amountForeseenCents: number;
  dueAt: string;
  status: 'planned' | 'met';
  metAt: string | null;
  overdue: boolean;
}

export interface AsOfEvaluation {
  outcome: string;
  evaluation: string | null;
  at: string;
  by: AsOfPerson;
}

export interface AsOfSignature {
  partyId: string;
  party: string | null;
  signer: AsOfPerson;
  signedAt: string;
  sha256: string;
  /** A new version voided it before it was complete. */
  voided: boolean;
}

export interface AsOfAgreementVersion {
  version: number;
  sha256: string;
  status: 'signing' | 'signed' | 'superseded';
  signBy: string | null;
  termYears: number | null;
  earmarks: { instrumentCode: string; amountCents: number }[];
  signatures: AsOfSignature[];
}

/** Per instrument, in whole cents, with the same meaning as the live budget overview. */
export interface AsOfInstrumentBudget {
  instrumentCode: string;
  earmarkedCents: number;
  /** Requested and awaiting approval. */
  requestedCents: number;
  approvedCents: number;
  releasedCents: number;
  remainingCents: number;
}

export interface AsOfRelease {
  releaseId: string;
  instrumentCode: string;
  amountCents: number;
  basis: string | null;
  status: 'requested' | 'approved' | 'sent_back' | 'refused' | 'superseded';
  requestedBy: AsOfPerson;
  requestedAt: string;
  decidedBy: AsOfPerson | null;
  decidedAt: string | null;
}

export interface AsOfDialogueCycle {
  cycle: number;
  dueAt: string | null;
  status: 'awaiting_report' | 'reported' | 'concluded';
  reportMissing: boolean;
  reportedAt: string | null;
  reportedBy: AsOfPerson | null;
  outcome: string | null;
  outcomeAt: string | null;
  outcomeBy: AsOfPerson | null;
}

export interface AsOfClosure {
  /** term_completed, ended_early, assessment_rejected, decision_rejected or trajectory_stopped. */
  reason: string;
  explanation: string | null;
  at: string;
  by: AsOfPerson;
}

/** A case as it stood at `asOf`, rebuilt from its audit events alone. */
export interface CaseAsOf {
  caseId: string;
  asOf: string;
  eventsApplied: number;
  lastEvent: { seq: number; hash: string; occurredAt: string } | null;
  stage: CaseStage | null;
  clusterName: string | null;
  domain: string | null;
  leadActors: string[];
  partners: string[];
  accountManagerId: string | null;
  policyVersion: number | null;
  roadmap: { versions: AsOfRoadmapVersion[]; current: AsOfRoadmapVersion | null };
  assessment: { roadmapVersion: number | null; assessors: AsOfAssessor[]; conclusion: AsOfConclusion | null };
  advice: { round: number; roadmapVersion: number | null; councils: AsOfAdvice[] };
  decision: AsOfDecision | null;
  trajectory: { pilot: boolean; milestones: AsOfMilestone[]; evaluation: AsOfEvaluation | null };
  agreement: { versions: AsOfAgreementVersion[]; inForceVersion: number | null };
  budget: AsOfInstrumentBudget[];
  releases: AsOfRelease[];
  dialogue: { cycles: AsOfDialogueCycle[]; termCompleted: boolean };
  closed: boolean;
  closure: AsOfClosure | null;
}

/** A person as the record names them: the user id and their display name. */
export interface TracePerson {
  userId: string;
  name: string | null;
}

/** An audit event a trace record rests on, to check against the chain. */
export interface TraceEventRef {
  seq: number;
  hash: string;
  action: string;
  occurredAt: string;
}

export interface TraceApproval {
  approvalId: string;
  status: 'pending' | 'approved' | 'sent_back' | 'superseded';
  requestedBy: TracePerson;
  requestedAt: string;
  decidedBy: TracePerson | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface TraceRoadmap {
  version: number;
  sha256: string;
  submittedAt: string;
  submittedBy: TracePerson;
}

export interface TraceAssessment {
  assessmentId: string;
  roadmapVersion: number;
  assessor: TracePerson;
  submittedAt: string;
  gateAnswers: { code: string; answer: boolean; justification: string }[];
  scores: { code: string; score: number; justification: string }[];
}

/** Each assessor's declaration on a conflict of interest (a conflict excluded them). */
export interface TraceConflictDeclaration {
  assessor: TracePerson;
  roadmapVersion: number;
  /** null: assigned, but not declared (yet). */
  hasConflict: boolean | null;
  note: string | null;
}

export interface TraceConclusion {
  roadmapVersion: number;
  outcome: string;
  remarks: string;
  concludedBy: TracePerson;
  concludedAt: string;
}

/** One council's advice, or its lapse ("no advice within the term"). */
export interface TraceAdvice {
  councilCode: string;
  requestId: string;
  round: number;
  roadmapVersion: number;
  requestedAt: string;
  dueAt: string;
  status: 'open' | 'advised' | 'lapsed' | 'withdrawn';
  position: string | null;
  /** SHA-256 of the advice text (UTF-8), to match it against any copy. */
  textSha256: string | null;
  textSummary: string | null;
  advisedBy: TracePerson | null;
  advisedAt: string | null;
  lapsedAt: string | null;
}

export interface GovernmentDecisionTrace {
  decisionId: string;
  version: number;
  outcome: string;
  rationale: string;
  conditions: string | null;
  considerations: { councilCode: string; text: string }[];
  status: 'proposed' | 'approved' | 'sent_back' | 'superseded';
  proposedBy: TracePerson;
  proposedAt: string;
  approval: TraceApproval | null;
  roadmap: TraceRoadmap | null;
  assessments: TraceAssessment[];
  conflictDeclarations: TraceConflictDeclaration[];
  conclusion: TraceConclusion | null;
  advice: TraceAdvice[];
}

export interface BudgetReleaseTrace {
  releaseId: string;
  instrumentCode: string;
  amountCents: number;
  justification: string;
  /** The milestone or dialogue outcome the release rests on, as the requester stated it. */
  basis: string;
  status: string;
  requestedBy: TracePerson;
  requestedAt: string;
  approval: TraceApproval | null;
  /** The ledger movement that booked it (approved releases only). */
  movementId: string | null;
  bookedAt: string | null;
  /** The agreement in force when it was requested. */
  agreement: { version: number; sha256: string } | null;
  /** The last dialogue outcome recorded before the request. */
  dialogueCycle: { cycle: number; outcome: string; outcomeAt: string } | null;
}

export interface AssessmentConclusionTrace extends TraceConclusion {
  roadmap: TraceRoadmap | null;
  assessments: TraceAssessment[];
  conflictDeclarations: TraceConflictDeclaration[];
  /** Four eyes: the approval that let this ending take effect (a rejection, a stop, an early end, a withdrawal); null otherwise. */
  approval: TraceApproval | null;
}

export interface TrajectoryEvaluationTrace {
  evaluationId: string;
  /** Four eyes: the approval that let this ending take effect (a rejection, a stop, an early end, a withdrawal); null otherwise. */
  approval: TraceApproval | null;
  outcome: string;
  evaluation: string;
  evaluatedBy: TracePerson;
  evaluatedAt: string;
  milestones: {
    milestoneId: string;
    action: string;
    instrumentCode: string;
    amountForeseenCents: number;
    dueAt: string;
    /** Met before this evaluation. */
    met: boolean;
    metAt: string | null;
    evidenceBy: TracePerson | null;
  }[];
}

export interface AgreementSigningTrace {
  agreementVersionId: string;
  version: number;
  sha256: string;
  status: string;
  draftedBy: TracePerson;
  draftedAt: string;
  signBy: string;
  termYears: number;
  earmarks: { instrumentCode: string; amountCents: number }[];
  parties: { partyId: string; name: string; kind: string; representative: TracePerson }[];
  signatures: { partyId: string; party: string | null; signer: TracePerson; signedAt: string; sha256: string; voidedAt: string | null }[];
  /** Every party signed this version's hash. */
  complete: boolean;
}

export interface CaseClosureTrace {
  reason: 'term_completed' | 'ended_early' | 'withdrawn' | 'not_selected';
  explanation: string;
  finalReport: string;
  closedBy: TracePerson;
  closedAt: string;
  /** Unreleased earmarks given back to the instruments. */
  returnedCents: number | null;
  /** Four eyes: the approval that let this ending take effect (a rejection, a stop, an early end, a withdrawal); null otherwise. */
  approval: TraceApproval | null;
}

/** A call's approved selection as it concerned this candidate (four eyes: proposed and approved by two people). */
export interface CallSelectionTrace {
  callId: string;
  callTitle: string;
  selectionId: string;
  outcome: 'selected' | 'not_selected';
  reason: string;
  proposedBy: TracePerson;
  approvedBy: TracePerson;
  /** SHA-256 of the comparison of all candidates it was made on (GET /api/calls/{id}/selection holds it). */
  comparisonSha256: string;
}

export const TRACE_KINDS = [
  'assessment_conclusion',
  'call_selection',
  'government_decision',
  'trajectory_evaluation',
  'agreement_signing',
  'budget_release',
  'case_closure',
] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

/** One decision, approval or release with the exact inputs it rested on. One detail field is set, named after its kind. */
export interface DecisionTraceRecord {
  kind: TraceKind;
  at: string;
  /** One readable line, Dutch / English. */
  summary: string;
  events: TraceEventRef[];
  governmentDecision?: GovernmentDecisionTrace;
  budgetRelease?: BudgetReleaseTrace;
  assessmentConclusion?: AssessmentConclusionTrace;
  trajectoryEvaluation?: TrajectoryEvaluationTrace;
  agreementSigning?: AgreementSigningTrace;
  caseClosure?: CaseClosureTrace;
  callSelection?: CallSelectionTrace;
}

export interface DecisionTrace {
  caseId: string;
  clusterName: string;
  generatedAt: string;
  /** The chain's newest event when the trace was read. */
  chainHead: { seq: number; hash: string } | null;
  records: DecisionTraceRecord[];
}

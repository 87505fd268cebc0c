import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRACE_KINDS } from '@cluster/cases';

// The decision trace (GET /api/cases/:id/decisions), typed for OpenAPI and the generated client.

export class TracePersonDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Display name' }) name!: string | null;
}

export class TraceEventRefDto {
  @ApiProperty({ description: 'Place in the case chain' }) seq!: number;
  @ApiProperty({ description: 'SHA-256 of the event in the chain' }) hash!: string;
  @ApiProperty({ example: 'decision.approved' }) action!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class TraceApprovalDto {
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'sent_back', 'superseded'] }) status!: string;
  @ApiProperty({ type: TracePersonDto }) requestedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: TracePersonDto, nullable: true, description: 'The approver: never the requester (four eyes)' }) decidedBy!: TracePersonDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
}

export class TraceRoadmapDto {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'SHA-256 of the frozen roadmap version' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: TracePersonDto }) submittedBy!: TracePersonDto;
}

export class TraceGateAnswerDto {
  @ApiProperty() code!: string;
  @ApiProperty() answer!: boolean;
  @ApiProperty() justification!: string;
}

export class TraceScoreDto {
  @ApiProperty({ example: 'C1' }) code!: string;
  @ApiProperty() score!: number;
  @ApiProperty() justification!: string;
}

export class TraceAssessmentDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ type: TracePersonDto }) assessor!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: [TraceGateAnswerDto] }) gateAnswers!: TraceGateAnswerDto[];
  @ApiProperty({ type: [TraceScoreDto] }) scores!: TraceScoreDto[];
}

export class TraceConflictDeclarationDto {
  @ApiProperty({ type: TracePersonDto }) assessor!: TracePersonDto;
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null: assigned but not declared' }) hasConflict!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class TraceConclusionDto {
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ enum: ['proceed', 'revise', 'reject'] }) outcome!: string;
  @ApiProperty() remarks!: string;
  @ApiProperty({ type: TracePersonDto }) concludedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) concludedAt!: string;
}

export class TraceAdviceDto {
  @ApiProperty({ example: 'SERV' }) councilCode!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() round!: number;
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the legal term' }) dueAt!: string;
  @ApiProperty({ enum: ['open', 'advised', 'lapsed', 'withdrawn'], description: 'lapsed: no advice within the term; withdrawn: the case was withdrawn first' }) status!: string;
  @ApiProperty({ nullable: true, enum: ['positive', 'conditional', 'negative'] }) position!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the advice text (UTF-8)' }) textSha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) textSummary!: string | null;
  @ApiProperty({ type: TracePersonDto, nullable: true }) advisedBy!: TracePersonDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) advisedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lapsedAt!: string | null;
}

export class TraceConsiderationDto {
  @ApiProperty() councilCode!: string;
  @ApiProperty({ description: 'How the advice (or its lapse) was taken into account' }) text!: string;
}

export class GovernmentDecisionTraceDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['approve', 'approve_with_conditions', 'reject'] }) outcome!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ nullable: true, type: String }) conditions!: string | null;
  @ApiProperty({ type: [TraceConsiderationDto] }) considerations!: TraceConsiderationDto[];
  @ApiProperty({ enum: ['proposed', 'approved', 'sent_back', 'superseded'] }) status!: string;
  @ApiProperty({ type: TracePersonDto }) proposedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: TraceApprovalDto, nullable: true }) approval!: TraceApprovalDto | null;
  @ApiProperty({ type: TraceRoadmapDto, nullable: true }) roadmap!: TraceRoadmapDto | null;
  @ApiProperty({ type: [TraceAssessmentDto] }) assessments!: TraceAssessmentDto[];
  @ApiProperty({ type: [TraceConflictDeclarationDto] }) conflictDeclarations!: TraceConflictDeclarationDto[];
  @ApiProperty({ type: TraceConclusionDto, nullable: true }) conclusion!: TraceConclusionDto | null;
  @ApiProperty({ type: [TraceAdviceDto] }) advice!: TraceAdviceDto[];
}

export class TraceAgreementRefDto {
  @ApiProperty() version!: number;
  @ApiProperty() sha256!: string;
}

export class TraceDialogueRefDto {
  @ApiProperty() cycle!: number;
  @ApiProperty({ enum: ['on_track', 'attention', 'off_track'] }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) outcomeAt!: string;
}

export class BudgetReleaseTraceDto {
  @ApiProperty({ format: 'uuid' }) releaseId!: string;
  @ApiProperty() instrumentCode!: string;
  @ApiProperty({ description: 'Whole cents' }) amountCents!: number;
  @ApiProperty() justification!: string;
  @ApiProperty({ description: 'The milestone or dialogue outcome it rests on' }) basis!: string;
  @ApiProperty({ enum: ['requested', 'approved', 'sent_back', 'refused', 'superseded'] }) status!: string;
  @ApiProperty({ type: TracePersonDto }) requestedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: TraceApprovalDto, nullable: true }) approval!: TraceApprovalDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The booked ledger movement' }) movementId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) bookedAt!: string | null;
  @ApiProperty({ type: TraceAgreementRefDto, nullable: true, description: 'The agreement in force when requested' }) agreement!: TraceAgreementRefDto | null;
  @ApiProperty({ type: TraceDialogueRefDto, nullable: true, description: 'The last dialogue outcome before the request' }) dialogueCycle!: TraceDialogueRefDto | null;
}

export class AssessmentConclusionTraceDto extends TraceConclusionDto {
  @ApiProperty({ type: TraceRoadmapDto, nullable: true }) roadmap!: TraceRoadmapDto | null;
  @ApiProperty({ type: [TraceAssessmentDto] }) assessments!: TraceAssessmentDto[];
  @ApiProperty({ type: [TraceConflictDeclarationDto] }) conflictDeclarations!: TraceConflictDeclarationDto[];
  @ApiProperty({ type: TraceApprovalDto, nullable: true, description: 'Four eyes: the approval that let this ending take effect (rejection, stop, early end, withdrawal); null otherwise' }) approval!: TraceApprovalDto | null;
}

export class TraceMilestoneDto {
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty() action!: string;
  @ApiProperty() instrumentCode!: string;
  @ApiProperty() amountForeseenCents!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Met before the evaluation' }) met!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) metAt!: string | null;
  @ApiProperty({ type: TracePersonDto, nullable: true }) evidenceBy!: TracePersonDto | null;
}

export class TrajectoryEvaluationTraceDto {
  @ApiProperty({ format: 'uuid' }) evaluationId!: string;
  @ApiProperty({ enum: ['proceed', 'extend', 'stop'] }) outcome!: string;
  @ApiProperty() evaluation!: string;
  @ApiProperty({ type: TracePersonDto }) evaluatedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
  @ApiProperty({ type: [TraceMilestoneDto] }) milestones!: TraceMilestoneDto[];
  @ApiProperty({ type: TraceApprovalDto, nullable: true, description: 'Four eyes: the approval that let this ending take effect (rejection, stop, early end, withdrawal); null otherwise' }) approval!: TraceApprovalDto | null;
}

export class TraceEarmarkDto {
  @ApiProperty() instrumentCode!: string;
  @ApiProperty() amountCents!: number;
}

export class TracePartyDto {
  @ApiProperty() partyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: TracePersonDto, description: 'The authorised representative' }) representative!: TracePersonDto;
}

export class TraceSignatureDto {
  @ApiProperty() partyId!: string;
  @ApiProperty({ nullable: true, type: String }) party!: string | null;
  @ApiProperty({ type: TracePersonDto }) signer!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'The SHA-256 the party signed' }) sha256!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Voided by a newer version' }) voidedAt!: string | null;
}

export class AgreementSigningTraceDto {
  @ApiProperty({ format: 'uuid' }) agreementVersionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ enum: ['signing', 'signed', 'superseded'] }) status!: string;
  @ApiProperty({ type: TracePersonDto }) draftedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ format: 'date-time' }) signBy!: string;
  @ApiProperty() termYears!: number;
  @ApiProperty({ type: [TraceEarmarkDto] }) earmarks!: TraceEarmarkDto[];
  @ApiProperty({ type: [TracePartyDto] }) parties!: TracePartyDto[];
  @ApiProperty({ type: [TraceSignatureDto] }) signatures!: TraceSignatureDto[];
  @ApiProperty({ description: 'Every party signed this hash' }) complete!: boolean;
}

export class CaseClosureTraceDto {
  @ApiProperty({ enum: ['term_completed', 'ended_early', 'withdrawn', 'not_selected'] }) reason!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty() finalReport!: string;
  @ApiProperty({ type: TracePersonDto }) closedBy!: TracePersonDto;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Unreleased earmarks given back, in cents' }) returnedCents!: number | null;
  @ApiProperty({ type: TraceApprovalDto, nullable: true, description: 'Four eyes: the approval that let this ending take effect (rejection, stop, early end, withdrawal); null otherwise' }) approval!: TraceApprovalDto | null;
}

export class CallSelectionTraceDto {
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty() callTitle!: string;
  @ApiProperty({ format: 'uuid' }) selectionId!: string;
  @ApiProperty({ enum: ['selected', 'not_selected'] }) outcome!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: TracePersonDto }) proposedBy!: TracePersonDto;
  @ApiProperty({ type: TracePersonDto }) approvedBy!: TracePersonDto;
  @ApiProperty({ description: 'SHA-256 of the comparison of all candidates the selection was made on' }) comparisonSha256!: string;
}

export class DecisionTraceRecordDto {
  @ApiProperty({ enum: TRACE_KINDS, description: 'Names the one detail field that is set' }) kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'One readable line, Dutch / English' }) summary!: string;
  @ApiProperty({ type: [TraceEventRefDto], description: 'The audit events it rests on, to check against the chain' }) events!: TraceEventRefDto[];
  @ApiPropertyOptional({ type: GovernmentDecisionTraceDto }) governmentDecision?: GovernmentDecisionTraceDto;
  @ApiPropertyOptional({ type: BudgetReleaseTraceDto }) budgetRelease?: BudgetReleaseTraceDto;
  @ApiPropertyOptional({ type: AssessmentConclusionTraceDto }) assessmentConclusion?: AssessmentConclusionTraceDto;
  @ApiPropertyOptional({ type: TrajectoryEvaluationTraceDto }) trajectoryEvaluation?: TrajectoryEvaluationTraceDto;
  @ApiPropertyOptional({ type: AgreementSigningTraceDto }) agreementSigning?: AgreementSigningTraceDto;
  @ApiPropertyOptional({ type: CaseClosureTraceDto }) caseClosure?: CaseClosureTraceDto;
  @ApiPropertyOptional({ type: CallSelectionTraceDto }) callSelection?: CallSelectionTraceDto;
}

export class ChainHeadDto {
  @ApiProperty() seq!: number;
  @ApiProperty() hash!: string;
}

export class DecisionTraceDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: ChainHeadDto, nullable: true, description: "The chain's newest event when read" }) chainHead!: ChainHeadDto | null;
  @ApiProperty({ type: [DecisionTraceRecordDto], description: 'Oldest first' }) records!: DecisionTraceRecordDto[];
}

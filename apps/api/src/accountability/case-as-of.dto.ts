import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES } from '@cluster/domain';

// A case rebuilt from its audit events as of a moment (GET /api/cases/:id?asOf=…, /as-of?at=…).

export class AsOfPersonDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Name as recorded then' }) name!: string | null;
}

export class AsOfEventRefDto {
  @ApiProperty() seq!: number;
  @ApiProperty() hash!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class AsOfRoadmapVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) kind!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AsOfPersonDto }) by!: AsOfPersonDto;
}

export class AsOfRoadmapDto {
  @ApiProperty({ type: [AsOfRoadmapVersionDto] }) versions!: AsOfRoadmapVersionDto[];
  @ApiProperty({ type: AsOfRoadmapVersionDto, nullable: true, description: 'The latest submitted (frozen) version' }) current!: AsOfRoadmapVersionDto | null;
}

export class AsOfGateAnswerDto {
  @ApiProperty() code!: string;
  @ApiProperty() answer!: boolean;
}

export class AsOfScoreDto {
  @ApiProperty() code!: string;
  @ApiProperty() score!: number;
}

export class AsOfAssessorDto {
  @ApiProperty() assessorId!: string;
  @ApiProperty({ nullable: true, type: String }) assessorName!: string | null;
  @ApiProperty({ enum: ['assigned', 'cleared', 'conflict_declared', 'submitted'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ type: [AsOfGateAnswerDto] }) gateAnswers!: AsOfGateAnswerDto[];
  @ApiProperty({ type: [AsOfScoreDto] }) scores!: AsOfScoreDto[];
}

export class AsOfConclusionDto {
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ enum: ['proceed', 'revise', 'reject'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) remarks!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AsOfPersonDto }) by!: AsOfPersonDto;
}

export class AsOfAssessmentDto {
  @ApiProperty({ nullable: true, type: Number }) roadmapVersion!: number | null;
  @ApiProperty({ type: [AsOfAssessorDto] }) assessors!: AsOfAssessorDto[];
  @ApiProperty({ type: AsOfConclusionDto, nullable: true }) conclusion!: AsOfConclusionDto | null;
}

export class AsOfAdviceDto {
  @ApiProperty() councilCode!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ enum: ['open', 'advised', 'lapsed', 'withdrawn'] }) status!: string;
  @ApiProperty({ nullable: true, enum: ['positive', 'conditional', 'negative'] }) position!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Given, or lapsed' }) at!: string | null;
  @ApiProperty({ type: AsOfPersonDto, nullable: true }) by!: AsOfPersonDto | null;
}

export class AsOfAdviceRoundDto {
  @ApiProperty({ description: '0: no round yet' }) round!: number;
  @ApiProperty({ nullable: true, type: Number }) roadmapVersion!: number | null;
  @ApiProperty({ type: [AsOfAdviceDto] }) councils!: AsOfAdviceDto[];
}

export class AsOfDecisionDto {
  @ApiProperty() decisionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['approve', 'approve_with_conditions', 'reject'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) conditions!: string | null;
  @ApiProperty({ nullable: true, type: Number }) roadmapVersion!: number | null;
  @ApiProperty({ type: AsOfPersonDto }) proposedBy!: AsOfPersonDto;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ enum: ['proposed', 'approved', 'sent_back', 'superseded'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) approvalId!: string | null;
  @ApiProperty({ type: AsOfPersonDto, nullable: true, description: 'The approver' }) decidedBy!: AsOfPersonDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
}

export class AsOfMilestoneDto {
  @ApiProperty() milestoneId!: string;
  @ApiProperty() action!: string;
  @ApiProperty() instrumentCode!: string;
  @ApiProperty() amountForeseenCents!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: ['planned', 'met'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) metAt!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class AsOfEvaluationDto {
  @ApiProperty({ enum: ['proceed', 'extend', 'stop'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) evaluation!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AsOfPersonDto }) by!: AsOfPersonDto;
}

export class AsOfTrajectoryDto {
  @ApiProperty() pilot!: boolean;
  @ApiProperty({ type: [AsOfMilestoneDto] }) milestones!: AsOfMilestoneDto[];
  @ApiProperty({ type: AsOfEvaluationDto, nullable: true }) evaluation!: AsOfEvaluationDto | null;
}

export class AsOfSignatureDto {
  @ApiProperty() partyId!: string;
  @ApiProperty({ nullable: true, type: String }) party!: string | null;
  @ApiProperty({ type: AsOfPersonDto }) signer!: AsOfPersonDto;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'The SHA-256 signed' }) sha256!: string;
  @ApiProperty({ description: 'Voided by a newer version' }) voided!: boolean;
}

export class AsOfEarmarkDto {
  @ApiProperty() instrumentCode!: string;
  @ApiProperty() amountCents!: number;
}

export class AsOfAgreementVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ enum: ['signing', 'signed', 'superseded'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) signBy!: string | null;
  @ApiProperty({ nullable: true, type: Number }) termYears!: number | null;
  @ApiProperty({ type: [AsOfEarmarkDto] }) earmarks!: AsOfEarmarkDto[];
  @ApiProperty({ type: [AsOfSignatureDto] }) signatures!: AsOfSignatureDto[];
}

export class AsOfAgreementDto {
  @ApiProperty({ type: [AsOfAgreementVersionDto] }) versions!: AsOfAgreementVersionDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'The fully signed version in force' }) inForceVersion!: number | null;
}

export class AsOfInstrumentBudgetDto {
  @ApiProperty() instrumentCode!: string;
  @ApiProperty({ description: 'Whole cents' }) earmarkedCents!: number;
  @ApiProperty({ description: 'Requested, awaiting approval' }) requestedCents!: number;
  @ApiProperty() approvedCents!: number;
  @ApiProperty() releasedCents!: number;
  @ApiProperty() remainingCents!: number;
}

export class AsOfReleaseDto {
  @ApiProperty() releaseId!: string;
  @ApiProperty() instrumentCode!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ nullable: true, type: String }) basis!: string | null;
  @ApiProperty({ enum: ['requested', 'approved', 'sent_back', 'superseded'] }) status!: string;
  @ApiProperty({ type: AsOfPersonDto }) requestedBy!: AsOfPersonDto;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: AsOfPersonDto, nullable: true }) decidedBy!: AsOfPersonDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
}

export class AsOfDialogueCycleDto {
  @ApiProperty() cycle!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ enum: ['awaiting_report', 'reported', 'concluded'] }) status!: string;
  @ApiProperty() reportMissing!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reportedAt!: string | null;
  @ApiProperty({ type: AsOfPersonDto, nullable: true }) reportedBy!: AsOfPersonDto | null;
  @ApiProperty({ nullable: true, enum: ['on_track', 'attention', 'off_track'] }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) outcomeAt!: string | null;
  @ApiProperty({ type: AsOfPersonDto, nullable: true }) outcomeBy!: AsOfPersonDto | null;
}

export class AsOfDialogueDto {
  @ApiProperty({ type: [AsOfDialogueCycleDto] }) cycles!: AsOfDialogueCycleDto[];
  @ApiProperty() termCompleted!: boolean;
}

export class AsOfClosureDto {
  @ApiProperty({ enum: ['term_completed', 'ended_early', 'withdrawn', 'assessment_rejected', 'decision_rejected', 'trajectory_stopped'] }) reason!: string;
  @ApiProperty({ nullable: true, type: String }) explanation!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AsOfPersonDto }) by!: AsOfPersonDto;
}

export class AsOfChainDto {
  @ApiProperty({ description: 'The rebuilt prefix of the hash chain verified intact' }) intact!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty({ nullable: true, type: Number }) firstBreakSeq!: number | null;
}

export class CaseAsOfDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: 'Events of the chain folded into this view' }) eventsApplied!: number;
  @ApiProperty({ type: AsOfEventRefDto, nullable: true, description: 'The last event applied' }) lastEvent!: AsOfEventRefDto | null;
  @ApiProperty({ type: AsOfChainDto }) chain!: AsOfChainDto;
  @ApiProperty({ enum: CASE_STAGES, nullable: true }) stage!: string | null;
  @ApiProperty({ nullable: true, type: String }) clusterName!: string | null;
  @ApiProperty({ nullable: true, type: String }) domain!: string | null;
  @ApiProperty({ type: [String] }) leadActors!: string[];
  @ApiProperty({ type: [String] }) partners!: string[];
  @ApiProperty({ nullable: true, type: String }) accountManagerId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) policyVersion!: number | null;
  @ApiProperty({ type: AsOfRoadmapDto }) roadmap!: AsOfRoadmapDto;
  @ApiProperty({ type: AsOfAssessmentDto }) assessment!: AsOfAssessmentDto;
  @ApiProperty({ type: AsOfAdviceRoundDto }) advice!: AsOfAdviceRoundDto;
  @ApiProperty({ type: AsOfDecisionDto, nullable: true, description: 'The latest proposal and its approval' }) decision!: AsOfDecisionDto | null;
  @ApiProperty({ type: AsOfTrajectoryDto }) trajectory!: AsOfTrajectoryDto;
  @ApiProperty({ type: AsOfAgreementDto }) agreement!: AsOfAgreementDto;
  @ApiProperty({ type: [AsOfInstrumentBudgetDto] }) budget!: AsOfInstrumentBudgetDto[];
  @ApiProperty({ type: [AsOfReleaseDto] }) releases!: AsOfReleaseDto[];
  @ApiProperty({ type: AsOfDialogueDto }) dialogue!: AsOfDialogueDto;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: AsOfClosureDto, nullable: true }) closure!: AsOfClosureDto | null;
}

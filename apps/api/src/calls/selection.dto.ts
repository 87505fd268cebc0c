import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CriterionSpreadDto } from '../process/process-responses.dto';
import { APPROVAL_DECISIONS, SELECTION_REASON_MAX, SELECTION_REASON_MIN, type ApprovalDecision } from '@cluster/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class NotSelectedDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() caseId!: string;
  @ApiProperty({ minLength: SELECTION_REASON_MIN, maxLength: SELECTION_REASON_MAX, example: 'Minder sterke internationale positionering dan de geselecteerde kandidaten.' })
  @Transform(trim)
  @IsString()
  @Length(SELECTION_REASON_MIN, SELECTION_REASON_MAX)
  reason!: string;
}

/** Which candidates go on to the councils' advice, and why each other one does not (rules: libs/domain/src/selection.ts). */
export class ProposeSelectionDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Cases selected (at most the call\'s maxSelected)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  selected!: string[];

  @ApiProperty({ type: [NotSelectedDto], description: 'Every other candidate whose assessment concluded to proceed, with the reason' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => NotSelectedDto)
  notSelected!: NotSelectedDto[];

  @ApiProperty({ minLength: SELECTION_REASON_MIN, maxLength: SELECTION_REASON_MAX, example: 'De twee sterkste routekaarten, binnen de envelop.' })
  @Transform(trim)
  @IsString()
  @Length(SELECTION_REASON_MIN, SELECTION_REASON_MAX)
  reason!: string;
}

export class DecideSelectionDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS }) @IsIn(APPROVAL_DECISIONS) decision!: ApprovalDecision;
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'Akkoord met de selectie.' }) @Transform(trim) @IsString() @Length(1, 2000) comment!: string;
}

export class SelectionProposedDto {
  @ApiProperty({ format: 'uuid' }) selectionId!: string;
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
  @ApiProperty({ description: 'SHA-256 of the comparison the proposal was made on' }) comparisonSha256!: string;
  @ApiProperty({ enum: ['proposed'] }) status!: string;
}

export class SelectionOutcomeDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['selected', 'not_selected'] }) outcome!: string;
  @ApiProperty() reason!: string;
}

export class SelectionDecidedDto {
  @ApiProperty({ format: 'uuid' }) selectionId!: string;
  @ApiProperty({ enum: ['approved', 'sent_back'] }) status!: string;
  @ApiProperty({ type: [SelectionOutcomeDto] }) outcomes!: SelectionOutcomeDto[];
}

export class CandidateGateAnswerDto {
  @ApiProperty() code!: string;
  @ApiProperty() answer!: boolean;
}

export class AssessorGatesDto {
  @ApiProperty({ format: 'uuid' }) assessorId!: string;
  @ApiProperty({ type: [CandidateGateAnswerDto] }) answers!: CandidateGateAnswerDto[];
}

export class AmountDto {
  @ApiProperty() instrumentCode!: string;
  @ApiProperty({ description: 'Integer cents' }) amountCents!: number;
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ enum: ['eligible', 'being_assessed', 'not_in_time', 'ended'] }) standing!: string;
  @ApiPropertyOptional({ enum: ['proceed', 'revise', 'reject'], nullable: true, type: String }) conclusion!: string | null;
  @ApiProperty({ type: [CriterionSpreadDto] }) criteria!: CriterionSpreadDto[];
  @ApiProperty({ type: [AssessorGatesDto] }) gates!: AssessorGatesDto[];
  @ApiProperty({ type: [AmountDto], description: 'Requested per instrument: the sum of its projects (stopped ones excluded)' }) requested!: AmountDto[];
  @ApiPropertyOptional({ nullable: true, type: Number, format: 'double', description: 'Weighted mean of the criteria means' }) weightedScore!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Proposed rank among the eligible (1 = best)' }) proposedRank!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Assessor id → name' }) assessorNames!: Record<string, string>;
}

export class SelectionWeightViewDto {
  @ApiProperty() criterionCode!: string;
  @ApiProperty({ format: 'double' }) weight!: number;
}

export class CriterionTextDto {
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'object', properties: { nl: { type: 'string' }, en: { type: 'string' } } }) text!: { nl: string; en: string };
}

export class EnvelopeUseDto {
  @ApiProperty() instrumentCode!: string;
  @ApiProperty() envelopeCents!: number;
  @ApiProperty() requestedCents!: number;
  @ApiProperty({ description: 'Requested beyond the envelope (0 when within)' }) overCents!: number;
}

export class CandidateComparisonDto {
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() maxSelected!: number;
  @ApiProperty() registrationClosed!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why no selection can be proposed yet, in words' }) notReady!: string | null;
  @ApiProperty({ type: [SelectionWeightViewDto] }) weights!: SelectionWeightViewDto[];
  @ApiProperty({ type: [CriterionTextDto] }) criteria!: CriterionTextDto[];
  @ApiProperty({ type: [CandidateDto] }) candidates!: CandidateDto[];
  @ApiProperty({ type: [EnvelopeUseDto] }) budget!: EnvelopeUseDto[];
}

export class SelectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['proposed', 'approved', 'sent_back'] }) status!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) selected!: string[];
  @ApiProperty({ type: [NotSelectedDto] }) notSelected!: NotSelectedDto[];
  @ApiProperty({ type: [SelectionOutcomeDto] }) outcomes!: SelectionOutcomeDto[];
  @ApiProperty() reason!: string;
  @ApiProperty() comparisonSha256!: string;
  @ApiProperty({ type: CandidateComparisonDto, description: 'The comparison the proposal was made on; its canonical JSON hashes to comparisonSha256' }) comparison!: CandidateComparisonDto;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) decidedBy!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) comment!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) approvalId!: string | null;
}

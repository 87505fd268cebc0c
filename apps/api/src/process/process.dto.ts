import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ADVICE_POSITIONS,
  APPROVAL_DECISIONS,
  CONCLUSION_OUTCOMES,
  DECISION_OUTCOMES,
  GATE_OVERRIDE_MIN_LENGTH,
  type AdvicePosition,
  type ApprovalDecision,
  type ConclusionOutcome,
  type DecisionOutcome,
} from '@cluster/domain';

export class ReasonDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class AssignAssessorsDto extends ReasonDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Case handlers who assess the submitted version' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  assessorIds!: string[];
}

export class ConflictDeclarationDto {
  @ApiProperty({ description: 'True when the assessor has a conflict of interest with the cluster' })
  @IsBoolean()
  hasConflict!: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class GateAnswerDto {
  @ApiProperty({ example: 'G1' }) @IsString() @Length(1, 20) code!: string;
  @ApiProperty() @IsBoolean() answer!: boolean;
  @ApiProperty({ minLength: 2 }) @IsString() @Length(2, 5000) justification!: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'C1' }) @IsString() @Length(1, 20) code!: string;
  @ApiProperty({ example: 4, description: 'On the scale of the case’s policy version (1–5 by default)' }) @IsInt() score!: number;
  @ApiProperty({ minLength: 2 }) @IsString() @Length(2, 5000) justification!: string;
}

export class AssessmentDto {
  @ApiProperty({ type: [GateAnswerDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GateAnswerDto)
  gateAnswers!: GateAnswerDto[];

  @ApiProperty({ type: [CriterionScoreDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
}

export class ConclusionDto {
  @ApiProperty({ enum: CONCLUSION_OUTCOMES })
  @IsIn(CONCLUSION_OUTCOMES)
  outcome!: ConclusionOutcome;

  @ApiProperty({ description: 'Remarks for the cluster (revise) or the reason (reject)', minLength: 2 })
  @IsString()
  @Length(2, 10000)
  remarks!: string;
}

export class AdviceDto {
  @ApiProperty({ enum: ADVICE_POSITIONS })
  @IsIn(ADVICE_POSITIONS)
  position!: AdvicePosition;

  @ApiProperty({ minLength: 10, description: 'The advice itself; final once submitted' })
  @IsString()
  @Length(10, 50000)
  text!: string;
}

export class ConsiderationDto {
  @ApiProperty({ example: 'RI' }) @IsString() @Length(1, 20) councilCode!: string;
  @ApiProperty({ description: 'How this council’s advice (or its lapse) was taken into account' })
  @IsString()
  @Length(2, 10000)
  text!: string;
}

export class GateOverrideDto {
  @ApiProperty({ minLength: GATE_OVERRIDE_MIN_LENGTH, description: 'Why the case goes on although a gate question was answered "no"' })
  @IsString()
  @MaxLength(10000)
  justification!: string;
}

export class DecisionProposalDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @Length(10, 20000)
  rationale!: string;

  @ApiPropertyOptional({ description: 'Required when approving with conditions' })
  @IsOptional()
  @IsString()
  @Length(2, 10000)
  conditions?: string;

  @ApiProperty({ type: [ConsiderationDto], description: 'One per council of the advice round' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ConsiderationDto)
  considerations!: ConsiderationDto[];

  // Its minimum length is checked with the gate answers (gateOverrideProblems), in one place.
  @ApiPropertyOptional({ type: GateOverrideDto, description: 'Required to approve when an assessor answered a gate question "no"; approved by the approver with the decision' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GateOverrideDto)
  gateOverride?: GateOverrideDto;
}

export class ApprovalDecisionDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecision;

  @ApiProperty({ minLength: 2, description: 'Required: why approved, or what to change' })
  @IsString()
  @Length(2, 10000)
  comment!: string;
}

export class WithdrawalDto {
  @ApiProperty({ minLength: 10, maxLength: 10000, description: 'Why the case is withdrawn (kept with the closure and shown to every inbox it leaves)' })
  @IsString()
  @Length(10, 10000)
  reason!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsUrl,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPROVAL_DECISIONS, PARTNERSHIP_KINDS, ROADMAP_HANDBOOK_SECTIONS, type ApprovalDecision, type PartnershipKind, type RoadmapHandbookSection } from '@cluster/domain';
import { PagingQueryDto } from '../platform/paging.dto';
import { IsRealDate } from '../platform/real-date';

const CODE = /^[A-Z0-9_-]{1,20}$/;
const NATURE_CODE = /^[a-z0-9_]{1,40}$/;

// Counts (two assessors, three gate questions, ten criteria, the three councils, reminders) are
// checked by policyProblems in libs/domain, the one place for what a case needs to run; these
// classes check shapes and bounds only.
// Every nested object below is @IsObject(): @ValidateNested alone lets a missing one through, and
// publishing a policy without its content then failed with a 500.
export class LocalizedTextDto {
  @ApiProperty({ example: 'Raad voor Innovatie' }) @IsString() @Length(1, 1000) nl!: string;
  @ApiProperty({ example: 'Council for Innovation' }) @IsString() @Length(1, 1000) en!: string;
}

export class SuspensionDto {
  @ApiProperty({ example: '2027-07-15' }) @IsRealDate() from!: string;
  @ApiProperty({ example: '2027-08-15' }) @IsRealDate() to!: string;
  @ApiPropertyOptional({ example: 'Zomerreces' }) @IsOptional() @IsString() @Length(1, 200) reason?: string;
}

export class CouncilPolicyDto {
  @ApiProperty({ example: 'RI' }) @Matches(CODE) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) name!: LocalizedTextDto;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(365) adviceTermDays!: number;
  @ApiProperty({ example: [7, 1] }) @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true }) reminderDaysBefore!: number[];
  @ApiPropertyOptional({ type: [SuspensionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SuspensionDto)
  suspensions?: SuspensionDto[];
}

export class CodedTextDto {
  @ApiProperty({ example: 'C1' }) @Matches(CODE) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) text!: LocalizedTextDto;
}

export class InstrumentPolicyDto {
  @ApiProperty({ example: 'IWT' }) @Matches(CODE) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) name!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'The policy domain that holds the instrument' }) @IsOptional() @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) policyDomain?: LocalizedTextDto;
}

/** A European strategic partnership or platform a roadmap may link to (issue 14). */
export class EuropeanPartnershipDto {
  @ApiProperty({ example: 'HE-P4PLANET' }) @Matches(CODE) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) name!: LocalizedTextDto;
  @ApiProperty({ enum: PARTNERSHIP_KINDS }) @IsIn(PARTNERSHIP_KINDS) kind!: PartnershipKind;
  @ApiPropertyOptional({ example: 'https://www.aspire2050.eu', maxLength: 500 })
  @IsOptional() @IsString() @Length(1, 500) @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url?: string;
  @ApiPropertyOptional({ example: '2021-06-23' }) @IsOptional() @IsRealDate() activeFrom?: string;
  @ApiPropertyOptional({ example: '2030-12-31' }) @IsOptional() @IsRealDate() activeTo?: string;
}

/** The nature of a roadmap's link to a partnership (member, aligned objectives, …). */
export class LinkNatureDto {
  @ApiProperty({ example: 'aligned_objectives' }) @Matches(NATURE_CODE) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) name!: LocalizedTextDto;
}

/** The roadmap handbook's guidance for one section of the roadmap. */
export class HandbookGuidanceDto {
  @ApiProperty({ enum: ROADMAP_HANDBOOK_SECTIONS }) @IsIn(ROADMAP_HANDBOOK_SECTIONS) section!: RoadmapHandbookSection;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) guidance!: LocalizedTextDto;
}

export class ScoreScaleDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(100) min!: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(100) max!: number;
}

export class SelectionWeightDto {
  @ApiProperty({ example: 'C1' }) @Matches(CODE) criterionCode!: string;
  @ApiProperty({ example: 1, description: 'Weight of the criterion in a call\'s proposed ranking (0 < weight ≤ 10)' }) @IsNumber({ allowNaN: false, allowInfinity: false }) weight!: number;
}

/** One complete version of the reference data. */
export class PolicyDocumentDto {
  @ApiProperty({ type: [CouncilPolicyDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CouncilPolicyDto)
  councils!: CouncilPolicyDto[];

  @ApiProperty({ type: [CodedTextDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CodedTextDto)
  gateQuestions!: CodedTextDto[];

  @ApiProperty({ type: [CodedTextDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CodedTextDto)
  criteria!: CodedTextDto[];

  @ApiProperty({ type: ScoreScaleDto }) @IsObject() @ValidateNested() @Type(() => ScoreScaleDto)
  scoreScale!: ScoreScaleDto;

  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(10)
  minAssessors!: number;

  @ApiProperty({ type: [InstrumentPolicyDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => InstrumentPolicyDto)
  instruments!: InstrumentPolicyDto[];

  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(60)
  dialogueCadenceMonths!: number;

  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(365)
  signingDeadlineDays!: number;

  @ApiProperty({ example: [14, 3] }) @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true })
  milestoneReminderDaysBefore!: number[];

  @ApiPropertyOptional({ type: [SelectionWeightDto], description: "Weights of the criteria in a call's proposed ranking; a criterion without one counts 1" })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SelectionWeightDto)
  selectionWeights?: SelectionWeightDto[];

  @ApiPropertyOptional({ example: ['2027-12-24'], description: 'Non-working days on top of the public holidays' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsRealDate('date', { each: true })
  extraHolidays?: string[];

  // Issue 14: optional, since versions published before them lack them.
  @ApiPropertyOptional({ type: [EuropeanPartnershipDto], description: 'European strategic partnerships and platforms a roadmap may link to' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => EuropeanPartnershipDto)
  europeanPartnerships?: EuropeanPartnershipDto[];

  @ApiPropertyOptional({ type: [LinkNatureDto], description: 'The natures of a roadmap\'s link to a partnership' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => LinkNatureDto)
  linkNatures?: LinkNatureDto[];

  @ApiPropertyOptional({ type: [HandbookGuidanceDto], description: 'The roadmap handbook: guidance per section of the roadmap' })
  @IsOptional() @IsArray() @ArrayMaxSize(ROADMAP_HANDBOOK_SECTIONS.length) @ValidateNested({ each: true }) @Type(() => HandbookGuidanceDto)
  roadmapHandbook?: HandbookGuidanceDto[];

  @ApiPropertyOptional({ description: 'A roadmap is submitted only with its baseline ("vandaag"); absent: not required' })
  @IsOptional() @IsBoolean()
  roadmapBaselineRequired?: boolean;
}

export class PublishPolicyDto {
  @ApiProperty({ type: PolicyDocumentDto }) @IsObject() @ValidateNested() @Type(() => PolicyDocumentDto)
  content!: PolicyDocumentDto;

  @ApiProperty({ example: 'Adviestermijn SERV verlengd tot 45 dagen' }) @IsString() @Length(2, 2000)
  reason!: string;
}

export class PolicyVersionSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'Who proposed it (user id, or "system" for the seed)' }) createdBy!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The second administrator who approved it; null for the seed and versions from before four eyes' }) approvedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PolicyVersionDto extends PolicyVersionSummaryDto {
  @ApiProperty({ type: PolicyDocumentDto }) content!: PolicyDocumentDto;
}

export class PolicyProposedDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ enum: ['proposed'] }) status!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The newest version when it was proposed' }) basedOn!: number | null;
}

const PROPOSAL_STATUSES = ['proposed', 'published', 'sent_back'] as const;

export class PolicyProposalSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: Number }) basedOn!: number | null;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The version it became, once published' }) version!: number | null;
}

export class PolicyProposalPageDto {
  @ApiProperty({ type: [PolicyProposalSummaryDto] }) items!: PolicyProposalSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class PolicyProposalDto extends PolicyProposalSummaryDto {
  @ApiProperty({ type: PolicyDocumentDto }) content!: PolicyDocumentDto;
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
}

export class PolicyProposalQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: (typeof PROPOSAL_STATUSES)[number];
}

export class PolicyProposalDecisionDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecision;

  @ApiProperty({ minLength: 2, description: 'Required: why approved, or what to change' })
  @IsString()
  @Length(2, 10000)
  comment!: string;
}

export class PolicyProposalDecidedDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ enum: APPROVAL_DECISIONS }) decision!: string;
  @ApiProperty({ enum: ['published', 'sent_back'] }) status!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The published version (approved only)' }) version!: number | null;
}

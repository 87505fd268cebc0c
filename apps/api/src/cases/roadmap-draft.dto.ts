import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsRealDate } from '../platform/real-date';

export class MilestoneDto {
  @ApiProperty({ example: 'Pilootinstallatie operationeel' })
  @IsString()
  @Length(2, 500)
  title!: string;

  @ApiProperty({ example: '2028-06-30', format: 'date' })
  @IsRealDate()
  dueDate!: string;
}

export class CommitmentDto {
  @ApiProperty({ example: 'Catalisti vzw' })
  @IsString()
  @Length(2, 200)
  actor!: string;

  @ApiProperty({ example: 'Coördineert de projectportfolio' })
  @IsString()
  @Length(2, 2000)
  commitment!: string;
}

/**
 * A link to a European partnership (issue 14). Shapes here; whether the partnership and the nature
 * exist in the case's policy version is checked against that version (400 naming
 * `europeanLinks.N.partnershipCode` or `.nature`).
 */
export class EuropeanLinkDto {
  @ApiProperty({ example: 'HE-P4PLANET', description: 'A European partnership of the case\'s policy version' })
  @IsString()
  @Length(1, 20)
  @Matches(/^[A-Za-z0-9_-]+$/)
  partnershipCode!: string;

  @ApiProperty({ example: 'aligned_objectives', description: 'A nature of link of the case\'s policy version' })
  @IsString()
  @Length(1, 40)
  @Matches(/^[a-z0-9_]+$/)
  nature!: string;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Twee gezamenlijke pilootlijnen in de oproep 2027' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

/** A list of free texts, bounded in count and length (so a hostile body cannot grow without end). */
const TextList = (maxItems: number, maxLength: number) =>
  applyDecorators(
    ApiProperty({ type: [String], maxItems }),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );

/** One roadmap draft (DOMAIN.md step 1): today → roadmap → vision 20xx. */
export class RoadmapDraftDto {
  @ApiPropertyOptional({ maxLength: 20000, example: 'Vandaag: 40 bedrijven, 4 kennisinstellingen en 12.000 banen in de Vlaamse circulaire chemie.', description: 'Today ("vandaag"): the baseline; required for submission where the case\'s policy version says so' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  baseline?: string;

  @ApiProperty({ example: 'Vlaanderen als Europese koploper in circulaire chemie tegen 2035' })
  @IsString()
  @Length(10, 20000)
  vision!: string;

  @ApiProperty({ example: 2035, minimum: 2020, maximum: 2100 })
  @IsInt()
  @Min(2020)
  @Max(2100)
  horizonYear!: number;

  @TextList(100, 2000)
  objectives!: string[];

  @ApiProperty({ type: [MilestoneDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones!: MilestoneDto[];

  @ApiProperty({ type: [CommitmentDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CommitmentDto)
  commitments!: CommitmentDto[];

  @TextList(500, 500)
  projectPortfolio!: string[];

  /** Other international roadmaps, as free text (those outside the reference data; older drafts hold all their links here). */
  @TextList(100, 500)
  internationalRoadmapLinks!: string[];

  @ApiPropertyOptional({ type: [EuropeanLinkDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EuropeanLinkDto)
  europeanLinks?: EuropeanLinkDto[];

  @TextList(50, 500)
  societalChallenges!: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsRealDate } from '../platform/real-date';

const CODE = /^[A-Z0-9_-]{1,20}$/;

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
}

export class ScoreScaleDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(100) min!: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(100) max!: number;
}

/** One complete version of the reference data. */
export class PolicyDocumentDto {
  @ApiProperty({ type: [CouncilPolicyDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CouncilPolicyDto)
  councils!: CouncilPolicyDto[];

  @ApiProperty({ type: [CodedTextDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CodedTextDto)
  gateQuestions!: CodedTextDto[];

  @ApiProperty({ type: [CodedTextDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CodedTextDto)
  criteria!: CodedTextDto[];

  @ApiProperty({ type: ScoreScaleDto }) @IsObject() @ValidateNested() @Type(() => ScoreScaleDto)
  scoreScale!: ScoreScaleDto;

  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(10)
  minAssessors!: number;

  @ApiProperty({ type: [InstrumentPolicyDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => InstrumentPolicyDto)
  instruments!: InstrumentPolicyDto[];

  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(60)
  dialogueCadenceMonths!: number;

  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(365)
  signingDeadlineDays!: number;

  @ApiProperty({ example: [14, 3] }) @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true })
  milestoneReminderDaysBefore!: number[];

  @ApiPropertyOptional({ example: ['2027-12-24'], description: 'Non-working days on top of the public holidays' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsRealDate('date', { each: true })
  extraHolidays?: string[];
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
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PolicyVersionDto extends PolicyVersionSummaryDto {
  @ApiProperty({ type: PolicyDocumentDto }) content!: PolicyDocumentDto;
}

export class PolicyPublishedDto {
  @ApiProperty() version!: number;
  @ApiProperty() sha256!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CALL_MAX_SELECTED } from '@cluster/domain';
import { PagingQueryDto } from '../platform/paging.dto';
import { IsRealDate } from '../platform/real-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CallEnvelopeDto {
  @ApiProperty({ example: 'IWT', description: 'A funding instrument of the reference data' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,19}$/)
  instrumentCode!: string;

  @ApiProperty({ example: 1_000_000_000, description: 'Integer cents' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountCents!: number;
}

/** A call for spearhead clusters as a policy owner opens it (rules: libs/domain/src/call.ts). */
export class OpenCallDto {
  @ApiProperty({ minLength: 5, maxLength: 200, example: 'Oproep speerpuntclusters 2027' })
  @Transform(trim)
  @IsString()
  @Length(5, 200)
  title!: string;

  @ApiProperty({ maxLength: 10000, example: 'Eerste oproep voor speerpuntclusters in het gericht clusterbeleid.' })
  @Transform(trim)
  @IsString()
  @Length(0, 10000)
  description!: string;

  @ApiProperty({ format: 'date', example: '2027-01-11' })
  @IsRealDate()
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2027-12-31' })
  @IsRealDate()
  periodEnd!: string;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'The last day to register, in the period and at least 14 days ahead; it ends at 23:59 Brussels time, or of the next working day' })
  @IsRealDate()
  submissionDeadline!: string;

  @ApiProperty({ minimum: 1, maximum: CALL_MAX_SELECTED, example: 3, description: 'How many spearhead clusters the call can select' })
  @IsInt()
  @Min(1)
  @Max(CALL_MAX_SELECTED)
  maxSelected!: number;

  @ApiProperty({ type: [CallEnvelopeDto], description: 'One envelope per instrument' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CallEnvelopeDto)
  envelopes!: CallEnvelopeDto[];
}

export class CallQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'registration_closed'] })
  @IsOptional()
  @IsIn(['open', 'registration_closed'])
  status?: 'open' | 'registration_closed';
}

export class RegisterForCallDto {
  @ApiProperty({ format: 'uuid', description: 'The call the case registers to (see GET /api/calls)' })
  @IsUUID()
  callId!: string;
}

export class CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ format: 'date' }) submissionDeadline!: string;
  @ApiProperty({ format: 'date-time', description: 'When registration closes: the end of the deadline day, or of the next working day' }) registrationClosesAt!: string;
  @ApiProperty({ enum: ['open', 'registration_closed', 'selection_decided'] }) status!: string;
  @ApiProperty() maxSelected!: number;
  @ApiProperty({ type: [CallEnvelopeDto] }) envelopes!: CallEnvelopeDto[];
  @ApiProperty({ description: 'The reference-data version in force when it was opened' }) policyVersion!: number;
  @ApiProperty({ format: 'uuid' }) openedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: 'Cases registered to it' }) candidates!: number;
}

export class CallPageDto {
  @ApiProperty({ type: [CallDto] }) items!: CallDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class CallRegistrationDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) callId!: string;
}

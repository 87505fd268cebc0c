import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CASE_STAGES, type CaseStage } from '@cluster/domain';
import { PagingQueryDto } from '../platform/paging.dto';

/** Query strings carry text: only the words true and false are booleans (anything else is a 400). */
export const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCasesQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountManagerId?: string;

  @ApiPropertyOptional({ description: 'Part of the cluster name' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  search?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only cases with an open task past its due date; false: only cases without one' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only pilot test trajectories; false: only the others' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  pilot?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases registered to this call (its candidates)' })
  @IsOptional()
  @IsUUID()
  callId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { CASE_STAGES, PORTFOLIO_OVERDUE_PAGE, PORTFOLIO_SECTIONS, PORTFOLIO_YEARS, type CaseStage, type PortfolioFilter, type PortfolioSection } from '@cluster/domain';

/** The overview's filter: by default every case, of every call and year, in every stage. */
export class PortfolioQueryDto {
  @ApiPropertyOptional({ description: 'A call (uuid), or "none" for the cases outside any call; all cases when left out' })
  @IsOptional()
  @ValidateIf((_o: object, v: unknown) => v !== 'none')
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional({ type: Number, minimum: PORTFOLIO_YEARS.min, maximum: PORTFOLIO_YEARS.max, description: 'The year the cases were created (Brussels time)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(PORTFOLIO_YEARS.min)
  @Max(PORTFOLIO_YEARS.max)
  year?: number;

  @ApiPropertyOptional({ enum: CASE_STAGES, description: 'Only the cases now in this stage' })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ type: Number, default: PORTFOLIO_OVERDUE_PAGE.default, minimum: 1, maximum: PORTFOLIO_OVERDUE_PAGE.max, description: 'How many of the oldest overdue items to list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PORTFOLIO_OVERDUE_PAGE.max)
  overdueLimit?: number;

  @ApiPropertyOptional({ type: Number, default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  overdueOffset?: number;
}

export class PortfolioExportQueryDto extends PortfolioQueryDto {
  @ApiProperty({ enum: PORTFOLIO_SECTIONS, description: 'Which section of the overview to export' })
  @IsIn(PORTFOLIO_SECTIONS)
  section!: PortfolioSection;
}

export function filterOf(q: PortfolioQueryDto): PortfolioFilter {
  return { callId: q.callId, year: q.year, stage: q.stage };
}

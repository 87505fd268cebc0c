import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRealDate } from '../platform/real-date';

const EXAMPLE = '2026-03-01T12:00:00Z';
const DESCRIPTION = 'Rebuild the case from its audit events as it stood at this moment (not in the future)';

/** `GET /api/cases/:id?asOf=…`: without it, today's case; with it, the case as it stood then. */
export class CaseAsOfQueryDto {
  @ApiPropertyOptional({ format: 'date-time', example: EXAMPLE, description: `${DESCRIPTION}; the response is then a CaseAsOfDto` })
  @IsOptional()
  @IsRealDate('date-time')
  asOf?: string;
}

/** `GET /api/cases/:id/as-of?at=…`. */
export class AsOfAtQueryDto {
  @ApiProperty({ format: 'date-time', example: EXAMPLE, description: DESCRIPTION })
  @IsRealDate('date-time')
  at!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PagingQueryDto } from '../platform/paging.dto';
import { IsRealDate } from '../platform/real-date';
import { localizedMessage } from '../platform/validation';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Filters of one case's timeline. */
export class CaseAuditQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: "An action ('agreement.signed'), or a family ending in a dot ('agreement.')", example: 'advice.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(/^[a-z_]+(\.[a-z_]+)*\.?$/, localizedMessage({ nl: "Een handeling ziet eruit als 'case.created', of 'advice.' voor alle handelingen van die soort.", en: "An action looks like 'case.created', or 'advice.' for every action of that kind." }))
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ description: 'The acting user (user id, or "system")' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant on (inclusive)' })
  @IsOptional()
  @IsRealDate('date-or-date-time')
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this instant (exclusive)' })
  @IsOptional()
  @IsRealDate('date-or-date-time')
  to?: string;
}

/** Filters of the search across all cases (and the system's own events). */
export class AuditSearchQueryDto extends CaseAuditQueryDto {
  @ApiPropertyOptional({ description: "The actor's organisation, exactly as recorded" })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  organisation?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

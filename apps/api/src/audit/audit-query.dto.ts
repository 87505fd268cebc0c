import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PagingQueryDto } from '../platform/paging.dto';
import { IsRealDate } from '../platform/real-date';
import { localizedMessage } from '../platform/validation';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Filters shared by one case's timeline and the search across cases. */
export class AuditFilterQueryDto extends PagingQueryDto {
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

/**
 * One case's timeline: its filters, paged by offset or by a cursor. `after` is keyset paging:
 * the index finds the place at once, so the last page of a long chain answers as fast as the first.
 */
export class CaseAuditQueryDto extends AuditFilterQueryDto {
  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    description:
      'Cursor (keyset paging): only the events after the one at this place in the chain (its `seq`), in chain order. ' +
      'Give the last `seq` of a page to get the next; the answer\'s `offset` says how many matching events come before its first. ' +
      'Instead of `offset`, not with it.',
    example: 9950,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  after?: number;
}

/** Filters of the search across all cases (and the system's own events). */
export class AuditSearchQueryDto extends AuditFilterQueryDto {
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

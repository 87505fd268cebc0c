import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isISO8601, IsOptional, ValidateBy } from 'class-validator';

/** A full date-time with its zone: an auditor's moment must not depend on the server's time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EXAMPLE = '2026-03-01T12:00:00Z';

/** One rule, one message: the shape (with zone) and a real calendar date and time. */
function IsInstant(field: string) {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => typeof value === 'string' && DATE_TIME.test(value) && isISO8601(value, { strict: true, strictSeparator: true }),
      defaultMessage: () => `${field} must be an ISO 8601 date-time with a time zone, e.g. ${EXAMPLE}`,
    },
  });
}

const DESCRIPTION = 'Rebuild the case from its audit events as it stood at this moment (not in the future)';

/** `GET /api/cases/:id?asOf=…`: without it, today's case; with it, the case as it stood then. */
export class CaseAsOfQueryDto {
  @ApiPropertyOptional({ format: 'date-time', example: EXAMPLE, description: `${DESCRIPTION}; the response is then a CaseAsOfDto` })
  @IsOptional()
  @IsInstant('asOf')
  asOf?: string;
}

/** `GET /api/cases/:id/as-of?at=…`. */
export class AsOfAtQueryDto {
  @ApiProperty({ format: 'date-time', example: EXAMPLE, description: DESCRIPTION })
  @IsInstant('at')
  at!: string;
}

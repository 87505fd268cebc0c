import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@cluster/domain';

/** A UUID path parameter; anything else is a 400 naming the field (never a 500 or a bare string). */
export function uuidParam(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new DomainError('VALIDATION_FAILED', `${field} is geen geldige UUID; controleer het adres. / The ${field} is not a UUID.`, [{ field, messages: [`${field} moet een UUID zijn. / ${field} must be a UUID`] }]),
  });
}

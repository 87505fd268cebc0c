import { ERROR_CODES, type ErrorCode } from '@cluster/domain';
import { httpStatusFor } from './error-status';

describe('httpStatusFor', () => {
  // A Record over every code: adding a code fails to compile until its status is decided here.
  const expected: Record<ErrorCode, number> = {
    VALIDATION_FAILED: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    STAGE_CONFLICT: 409,
    CONFLICT: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    DEPENDENCY_UNAVAILABLE: 503,
    INTERNAL_ERROR: 500,
  };

  it.each(ERROR_CODES)('maps %s', (code) => {
    expect(httpStatusFor(code)).toBe(expected[code]);
  });
});

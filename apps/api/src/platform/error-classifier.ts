import { HttpException, HttpStatus } from '@nestjs/common';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { DomainError, isErrorCode, type FieldError } from '@cluster/domain';
import { translateDatabaseError } from '@cluster/persistence';
import { httpStatusFor } from './error-status';
import type { Language } from './i18n/language';
import { RequestValidationError } from './validation';

export interface ClassifiedError {
  status: number;
  code: string;
  message: string;
  fieldErrors?: FieldError[];
  /** True when the error is ours (a bug or an outage), to be logged with its stack. */
  unexpected: boolean;
}

const GENERIC = 'Er liep onverwacht iets mis; het verzoeknummer identificeert de fout in de logboeken. / An unexpected error occurred. The request id identifies it in the logs.';

/**
 * Decides what a client sees for any error thrown while handling its request. `language` is the
 * request's (Accept-Language): a request class-validator refused is answered in it.
 */
export function classifyError(error: unknown, language: Language = 'nl'): ClassifiedError {
  const err = translateDatabaseError(error);
  if (err instanceof RequestValidationError) {
    const { message, fieldErrors } = err.in(language);
    return fromCode(err.code, message, fieldErrors);
  }
  if (err instanceof DomainError) return fromCode(err.code, err.message, err.fieldErrors);

  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    if (isErrorCode(failure.type)) {
      const fieldErrors = (failure.details?.[0] as FieldError[] | undefined) ?? [];
      const c = fromCode(failure.type, failure.message, fieldErrors);
      // A command's activity failed on a bug: the worker logged it once, with its stack, the case
      // and the update id (= this request id), and the request log records the 500. Not twice.
      return failure.type === 'INTERNAL_ERROR' ? { ...c, unexpected: false } : c;
    }
  }
  if (err instanceof WorkflowNotFoundError) return fromCode('NOT_FOUND', 'Het proces van dit dossier werd niet gevonden. / The case process was not found.');
  if (err instanceof WorkflowExecutionAlreadyStartedError) return fromCode('CONFLICT', 'Dit dossier bestaat al. / This case already exists.');
  if (
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    err instanceof ServiceError ||
    (isGrpcServiceError(err) && [4, 14].includes(err.code))
  ) {
    return fromCode('DEPENDENCY_UNAVAILABLE', 'De procesmotor is niet bereikbaar; probeer het zo dadelijk opnieuw. / The process engine is not available; try again shortly.');
  }

  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? err.message);
    return { status, code: HttpStatus[status] ?? 'ERROR', message, unexpected: status >= 500 };
  }
  // Body-parser errors (malformed JSON, too large) carry a 4xx status of their own.
  const status = (err as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (err as { type?: string }).type;
    const message = type === 'entity.parse.failed' ? 'De inhoud van het verzoek is geen geldige JSON. / The request body is not valid JSON.' : (err as Error).message;
    return { status, code: type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message, unexpected: false };
  }
  // multer's own errors carry a code and no status (Nest's FileInterceptor converts them; a
  // multer used directly does not): a file over the size limit is 413, any other limit 400.
  if (err instanceof Error && err.name === 'MulterError') {
    const code = (err as Error & { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Het bestand is groter dan de limiet voor opladen; kies een kleiner bestand. / The file is larger than the upload limit.', unexpected: false };
    return { status: 400, code: 'BAD_REQUEST', message: err.message, unexpected: false };
  }
  return { status: 500, code: 'INTERNAL_ERROR', message: GENERIC, unexpected: true };
}

function fromCode(code: DomainError['code'], message: string, fieldErrors: FieldError[] = []): ClassifiedError {
  const status = httpStatusFor(code);
  return {
    status,
    code,
    message,
    ...(fieldErrors.length > 0 ? { fieldErrors } : {}),
    unexpected: status >= 500,
  };
}

import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { classifyError } from './error-classifier';
import type { ErrorResponseDto } from './error-response';
import { languageOf } from './i18n/language';

/** The one error filter: maps every error to the shared error body and never leaks a stack. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const c = classifyError(error, languageOf(req));
    if (c.unexpected) this.logger.error({ err: error, requestId: req.id }, `${req.method} ${req.url} failed`);
    const body: ErrorResponseDto = {
      statusCode: c.status,
      error: c.code,
      message: c.message,
      ...(c.fieldErrors ? { fieldErrors: c.fieldErrors } : {}),
      requestId: String(req.id ?? ''),
    };
    if (c.status === 503) res.setHeader('Retry-After', '5');
    // The body depends on Accept-Language (a validation refusal is in the asked language).
    res.vary('Accept-Language');
    res.status(c.status).json(body);
  }
}

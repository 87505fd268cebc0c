import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { DomainError } from '@cluster/domain';
import { DOCUMENT_LIMITS, type DocumentLimits } from '@cluster/documents';

/**
 * Wraps the multipart parser (bind it before FileInterceptor) so that multer's bare "File too
 * large" becomes a 413 that names the limit.
 */
@Injectable()
export class UploadLimitInterceptor implements NestInterceptor {
  constructor(@Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits) {}

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          const mib = (this.limits.maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
          throw new DomainError('PAYLOAD_TOO_LARGE', `Het bestand is groter dan de limiet van ${this.limits.maxBytes} bytes (${mib} MiB); kies een kleiner bestand. / The file is larger than the limit of ${this.limits.maxBytes} bytes (${mib} MiB).`);
        }
        throw error;
      }),
    );
  }
}

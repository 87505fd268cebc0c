import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { DomainError } from '@cluster/domain';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A body in a media type the route does not take is refused with 415, never dropped: Express
 * leaves a text/plain, form or stray multipart body unparsed, and a command whose fields are all
 * optional (a reason) would then run as if it had been sent empty. A route takes what its OpenAPI
 * entry declares (@ApiConsumes), JSON by default. Runs before the upload parser and the pipes.
 */
@Injectable()
export class MediaTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<{ method: string; headers: Record<string, string | undefined> }>();
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (WITH_BODY.has(req.method) && hasBody) {
      const accepted = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [ctx.getHandler(), ctx.getClass()]) ?? ['application/json'];
      const given = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!accepted.includes(given)) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Stuur de inhoud als ${accepted.join(' of ')}. / Send the body as ${accepted.join(' or ')}${given ? `, not ${given.slice(0, 100)}` : ''}.`);
      }
    }
    return next.handle();
  }
}

import { Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/principal.decorator';

/**
 * Requests per client per minute: a signed-in user is one client wherever they call from; anyone
 * else is counted by address. Over the limit: 429 with Retry-After (set by the base guard).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: AuthenticatedRequest & { ip?: string }): Promise<string> {
    return req.principal ? `user:${req.principal.userId}` : `ip:${req.ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Te veel verzoeken; probeer het straks opnieuw. / Too many requests; try again shortly.');
  }
}

import type { AuthenticatedRequest } from '../auth/principal.decorator';
import type { RequestContext } from '../cases/case-updates.service';

export function context(req: AuthenticatedRequest): RequestContext {
  return { principal: req.principal!, actingRole: req.actingRole!, requestId: String(req.id) };
}

import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action, Principal, Role } from '@cluster/domain';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ACTION = 'auth:action';

/** The route needs no token (health, docs, dev login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The action of the permissions table (libs/domain/src/permissions.ts) this route performs: the
 * guard refuses whoever holds none of its roles; CaseAccess checks the person's standing towards
 * the object once it is loaded. A route with neither @Allow nor @Public is refused.
 */
export const Allow = (action: Action) => SetMetadata(ALLOWED_ACTION, action);

export interface AuthenticatedRequest {
  principal?: Principal;
  /** The first of the user's roles that the route's action allows: the capacity they act in. */
  actingRole?: Role;
  id?: string;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});

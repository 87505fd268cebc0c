import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, refusalText, RULES, type Action } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { ALLOWED_ACTION, PUBLIC_ROUTE, type AuthenticatedRequest } from './principal.decorator';
import { TokenVerifier } from './token-verifier.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: a valid bearer token whose subject is an active user of ours, holding a role the
 * route allows. Roles come from our users table, not from the token, so the IdP only proves identity.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly db: Database,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Meld u aan: een bearer-token is vereist. / A bearer token is required.');
    const claims = await this.verifier.verify(match[1]!);

    // Read on every request, never cached: a deactivated user's tokens stop working at once.
    const principal = await this.db.read((repos) => repos.users.activePrincipal(claims.sub));
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Het token hoort niet bij een actieve gebruiker; meld u opnieuw aan. / The token does not belong to an active user.');
    req.principal = principal;

    // Auditors read everything and change nothing: refused before any validation or lookup.
    const method = ctx.switchToHttp().getRequest<{ method: string }>().method;
    if (!READ_METHODS.has(method) && principal.roles.every((r) => r === 'auditor')) {
      throw new DomainError('FORBIDDEN', 'Auditoren lezen alles en wijzigen niets. / Auditors read everything and change nothing.');
    }

    // The role-level half of the permissions table; the standing towards the object is checked
    // where the object is loaded (CaseAccess and the other access checks).
    const action = this.reflector.getAllAndOverride<Action | undefined>(ALLOWED_ACTION, targets);
    if (!action) throw new DomainError('FORBIDDEN', 'Deze handeling staat niet in de tabel van bevoegdheden. / This action is not in the permissions table.');
    const rule = RULES[action];
    const acting = principal.roles.find((r) => rule.who[r] !== undefined);
    if (!acting) throw new DomainError('FORBIDDEN', refusalText(rule.refusal));
    req.actingRole = acting;
    return true;
  }
}

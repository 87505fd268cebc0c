import { Injectable } from '@nestjs/common';
import { canReadCase, DomainError, permitted, refusalText, RULES, type Action, type CaseView, type Principal, type Role } from '@cluster/domain';
import { CaseQueriesService } from '@cluster/cases';

/**
 * Who may see a case, and who may do which action to it, as the permissions table says: asked
 * before every command and every read of a case's own records (the guard only checks roles).
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly queries: CaseQueriesService) {}

  /** The case, if this principal may see it: 404 when it does not exist, 403 when it is not theirs. */
  async visible(principal: Principal, caseId: string): Promise<CaseView> {
    const view = await this.queries.get(caseId);
    if (!canReadCase(principal, view)) throw new DomainError('FORBIDDEN', refusalText(RULES.readCase.refusal));
    return view;
  }

  /**
   * The case and the role in which this principal may do this action to it, as the permissions
   * table says: 404 when the case does not exist, 403 (saying who may instead) when they may not.
   */
  async authorised(principal: Principal, caseId: string, action: Action): Promise<{ view: CaseView; role: Role }> {
    const view = await this.visible(principal, caseId);
    return { view, role: permitted(principal, action, { case: await this.queries.accessFacts(view) }) };
  }
}

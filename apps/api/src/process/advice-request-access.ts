import { Injectable } from '@nestjs/common';
import { DomainError, type Principal } from '@cluster/domain';
import { Database, type AdviceRequestEntity } from '@cluster/persistence';
import { CaseCommandsGateway } from '../cases/case-commands.gateway';

/**
 * Who may read an advice request and what it is about: the members of the addressed council, and
 * whoever may read the case (civil servants, auditors, administrators, the case's own cluster
 * representatives: the advice of a Flemish advisory council is a public document once given, and
 * the roadmap is the cluster's own). A member of another council is told whose request it is.
 */
@Injectable()
export class AdviceRequestAccess {
  constructor(
    private readonly db: Database,
    private readonly cases: CaseCommandsGateway,
  ) {}

  /** The request, if this principal may read it: 404 when it does not exist, 403 when it is not theirs. */
  async readable(principal: Principal, requestId: string): Promise<AdviceRequestEntity> {
    const request = await this.db.read((repos) => repos.advice.findById(requestId));
    if (!request) throw new DomainError('NOT_FOUND', `Adviesverzoek ${requestId} bestaat niet. / Advice request ${requestId} does not exist.`);
    if (isCouncilMemberOf(principal, request.councilCode)) return request;
    if (principal.roles.every((r) => r === 'council_member')) {
      const own = principal.councilCode ?? '—';
      throw new DomainError(
        'FORBIDDEN',
        `Dit adviesverzoek is gericht aan de ${request.councilCode}; jij handelt voor de ${own}. De verzoeken van je eigen raad staan in het adviesportaal. / ` +
          `This advice request is addressed to ${request.councilCode}; you act for ${own}. Your own council's requests are in the council portal.`,
      );
    }
    await this.cases.readable(principal, request.caseId);
    return request;
  }

  /**
   * Whether a council member may read this roadmap version's documents: their council was asked
   * to advise on exactly this frozen version of the case (never on a draft or another version).
   */
  async councilAdvisesOn(principal: Principal, caseId: string, roadmapVersionId: string): Promise<boolean> {
    if (!principal.roles.includes('council_member') || !principal.councilCode) return false;
    return this.db.read(async (repos) => {
      const version = (await repos.roadmaps.listForCase(caseId)).find((v) => v.id === roadmapVersionId);
      if (!version || version.kind !== 'submitted') return false;
      const requests = await repos.advice.forCase(caseId);
      return requests.some((r) => r.councilCode === principal.councilCode && r.roadmapVersion === version.version);
    });
  }
}

export function isCouncilMemberOf(p: Principal, councilCode: string): boolean {
  return p.roles.includes('council_member') && p.councilCode === councilCode;
}

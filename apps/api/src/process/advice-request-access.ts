import { Injectable } from '@nestjs/common';
import { DomainError, permitted, type Principal } from '@cluster/domain';
import { Database, type AdviceRequestEntity } from '@cluster/persistence';

/**
 * Who may read an advice request and what it is about: the members of the addressed council, and
 * whoever may read the case (civil servants, auditors, administrators, the case's own cluster
 * representatives: the advice of a Flemish advisory council is a public document once given, and
 * the roadmap is the cluster's own), as the permissions table says (readAdviceRequest).
 */
@Injectable()
export class AdviceRequestAccess {
  constructor(private readonly db: Database) {}

  /** The request, if this principal may read it: 404 when it does not exist, 403 when it is not theirs. */
  async readable(principal: Principal, requestId: string): Promise<AdviceRequestEntity> {
    const request = await this.db.read((repos) => repos.advice.findById(requestId));
    if (!request) throw new DomainError('NOT_FOUND', `Adviesverzoek ${requestId} bestaat niet. / Advice request ${requestId} does not exist.`);
    // The permissions table (readAdviceRequest): the addressed council, and whoever reads the case.
    permitted(principal, 'readAdviceRequest', { case: { id: request.caseId }, councilCode: request.councilCode });
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

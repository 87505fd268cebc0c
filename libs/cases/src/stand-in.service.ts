import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type CaseView } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { CaseQueriesService } from './case-queries.service';

/**
 * Names (or clears) a case's stand-in: the colleague who concludes the assessment and proposes the
 * decision when the account manager cannot (absence). The case's audit trail says who named whom,
 * when and why. Rules decided here: the stand-in is an active case handler, not the account manager
 * and not an assessor of the submitted roadmap version; a closed case keeps its record as it is.
 */
@Injectable()
export class StandInService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly queries: CaseQueriesService,
  ) {}

  async name(actor: Actor, caseId: string, standInId: string | null, reason: string, requestId: string): Promise<CaseView> {
    await this.db.transaction(async (repos) => {
      const row = await repos.cases.findByIdForUpdate(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet. / Case ${caseId} does not exist.`);
      if (row.stage === 'closed') throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten. / The case is closed.');
      if (standInId !== null) {
        const refuse = (nl: string, en: string) => {
          throw new DomainError('VALIDATION_FAILED', `${nl} / ${en}`, [{ field: 'standInId', messages: [`${nl} / ${en}`] }]);
        };
        const user = await repos.users.findById(standInId);
        if (!user || !user.active || !user.roles.includes('case_handler')) refuse('De vervanger moet een actieve dossierbehandelaar zijn.', 'The stand-in must be an active case handler.');
        if (standInId === row.accountManagerId) refuse('De accountmanager kan niet zijn eigen vervanger zijn.', 'The account manager cannot be their own stand-in.');
        const assessed = row.submittedRoadmapVersion ? await repos.assessments.assignmentOf(caseId, row.submittedRoadmapVersion, standInId) : null;
        if (assessed) refuse('Een beoordelaar van deze versie van de routekaart kan geen vervanger zijn.', 'An assessor of this roadmap version cannot be the stand-in.');
      }
      if ((row.standInId ?? null) === standInId) return; // already so: nothing to record
      const now = new Date();
      await repos.cases.update(caseId, { standInId, updatedAt: now });
      await this.audit.append(repos, {
        actor,
        action: standInId ? 'case.stand_in_named' : 'case.stand_in_cleared',
        caseId,
        reason,
        payload: { from: row.standInId ?? null, to: standInId, accountManagerId: row.accountManagerId, stage: row.stage },
        requestId,
        occurredAt: now,
      });
    });
    return this.queries.get(caseId);
  }
}

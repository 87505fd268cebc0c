import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@cluster/domain';
import { Database, type CaseEntity, type Repositories, type UserEntity } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';

/** Tasks that stay with their person: an assessor's independence cannot be handed over. */
export const PERSONAL_TASK_KINDS = ['assessment'];

export interface HandoverResult {
  fromUserId: string;
  toUserId: string;
  caseIds: string[];
  tasksMoved: number;
}

/**
 * Hands a case handler's cases (as account manager) and open personal tasks to a colleague in one
 * transaction (absence, mobility). Each case's audit trail records it; so does the system trail.
 * Assessments stay personal: an assessor's independence cannot be handed over, so a new assessor is
 * assigned instead.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async handOver(actor: Actor, fromUserId: string, toUserId: string, reason: string, requestId: string): Promise<HandoverResult> {
    if (fromUserId === toUserId) {
      throw new DomainError('VALIDATION_FAILED', 'Draag de dossiers over aan iemand anders. / Hand over to someone else.', [{ field: 'toUserId', messages: ['Kies een andere collega dan wie overdraagt. / toUserId must differ from fromUserId'] }]);
    }
    return this.db.transaction(async (repos) => {
      const [from, to] = await Promise.all([repos.users.findById(fromUserId), repos.users.findById(toUserId)]);
      if (!from) throw new DomainError('NOT_FOUND', `Gebruiker ${fromUserId} bestaat niet. / User ${fromUserId} does not exist.`);
      if (!to || !to.active || !to.roles.includes('case_handler')) {
        throw new DomainError('VALIDATION_FAILED', 'De collega moet een actieve dossierbehandelaar zijn; kies een andere collega. / The colleague must be an active case handler.', [{ field: 'toUserId', messages: ['Kies een actieve dossierbehandelaar. / toUserId must be an active case handler'] }]);
      }
      const cases = await repos.cases.lockManagedBy(fromUserId);
      await refuseAssessorAsAccountManager(repos, to, cases);
      const now = new Date();
      for (const c of cases) {
        // The new account manager cannot also be their own stand-in (four eyes needs two people).
        const standInId = c.standInId === toUserId ? null : (c.standInId ?? null);
        await repos.cases.update(c.id, { accountManagerId: toUserId, standInId, updatedAt: now });
        await this.audit.append(repos, {
          actor,
          action: 'case.account_manager_changed',
          caseId: c.id,
          reason,
          payload: { from: fromUserId, to: toUserId, stage: c.stage, ...(standInId !== (c.standInId ?? null) ? { standInCleared: c.standInId } : {}) },
          requestId,
          occurredAt: now,
        });
      }
      const tasksMoved = await repos.tasks.reassign(fromUserId, toUserId, PERSONAL_TASK_KINDS);
      await this.audit.append(repos, {
        actor,
        action: 'user.handover',
        caseId: null,
        reason,
        payload: { from: fromUserId, to: toUserId, caseIds: cases.map((c) => c.id), tasksMoved },
        requestId,
        occurredAt: now,
      });
      return { fromUserId, toUserId, caseIds: cases.map((c) => c.id), tasksMoved };
    });
  }
}

/**
 * Concluding an assessment and proposing the decision belong to the account manager, never to an
 * assessor of that version (DOMAIN.md, turn 2): so whoever assesses (or was asked to assess) a
 * case's current roadmap version cannot take that case over. Nothing moves: the whole handover is
 * refused, naming the cases.
 */
async function refuseAssessorAsAccountManager(repos: Repositories, to: UserEntity, cases: CaseEntity[]): Promise<void> {
  const assessed: CaseEntity[] = [];
  for (const c of cases) {
    if (c.submittedRoadmapVersion === null) continue;
    if (await repos.assessments.assignmentOf(c.id, c.submittedRoadmapVersion, to.id)) assessed.push(c);
  }
  if (!assessed.length) return;
  const names = (word: string) => assessed.map((c) => `${c.clusterName} (${word} ${c.submittedRoadmapVersion})`).join(', ');
  const message =
    `${to.displayName} beoordeelt de huidige routekaart van ${names('versie')} en kan daarom niet de accountmanager van dat dossier worden; kies een andere collega. / ` +
    `${to.displayName} assesses the current roadmap of ${names('version')} and so cannot become that case's account manager; choose another colleague.`;
  throw new DomainError('CONFLICT', message, [{ field: 'toUserId', messages: [message] }]);
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, lateAdviceRefusal, legalDueDate, SYSTEM_ACTOR, type AdvicePosition, STAGE_WORDS } from '@cluster/domain';
import type { AdviceRoundOpened, AdviceSubmitted } from '@cluster/contracts';
import { commandRef, Database, type AdviceRequestEntity } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { adviceLapsed, NotificationsService } from '@cluster/notifications';
import { handler, newTask } from './tasks';
import { alreadyApplied, lockCaseFor, policyOf, type CommandContext } from './case-lock';

export interface SystemContext {
  workflowId: string;
  idempotencyKey: string;
}

/**
 * The advice round (DOMAIN.md step 3): RI, VRWI and SERV are asked in parallel, each with its
 * legal term on the working-day calendar; advice is final; a passed term is recorded as
 * "no advice within the term" and escalated to the account manager.
 */
@Injectable()
export class AdviceService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Opens one request per council of the case's policy. Idempotent: a retry returns the same round. */
  async openRound(caseId: string, requestedAt: Date, ctx: SystemContext): Promise<AdviceRoundOpened> {
    return this.db.once(commandRef(ctx, caseId, 'openAdviceRound'), async (repos) => {
      const row = await repos.cases.findByIdForUpdate(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      const policy = (await policyOf(repos, row)).content;
      const reminders = new Map(policy.councils.map((c) => [c.code, c.reminderDaysBefore]));
      const toRef = (r: AdviceRequestEntity) => ({
        requestId: r.id,
        councilCode: r.councilCode,
        dueAt: r.dueAt.toISOString(),
        reminderDaysBefore: reminders.get(r.councilCode) ?? [],
      });
      const last = await repos.advice.lastRound(caseId);
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) {
        return { round: last, requests: (await repos.advice.round(caseId, last)).map(toRef) };
      }
      if (row.stage !== 'advice') throw new DomainError('STAGE_CONFLICT', `Er loopt geen adviesronde: het dossier is niet in de adviesfase (het is in de fase "${STAGE_WORDS[row.stage].nl}"). / No advice round: the case is in the stage "${STAGE_WORDS[row.stage].en}".`);

      const round = last + 1;
      const now = requestedAt;
      const requests: AdviceRequestEntity[] = policy.councils.map((council) => ({
        id: randomUUID(),
        caseId,
        round,
        councilCode: council.code,
        roadmapVersion: row.submittedRoadmapVersion!,
        requestedAt: now,
        dueAt: legalDueDate(now, council.adviceTermDays, { extraHolidays: policy.extraHolidays, suspensions: council.suspensions }),
        status: 'open',
        position: null,
        adviceText: null,
        advisedBy: null,
        advisedAt: null,
        closedAt: null,
      }));
      for (const r of requests) {
        await repos.advice.insert(r);
        await repos.tasks.open(newTask(caseId, 'advice', { role: 'council_member', ref: `council:${r.councilCode}` }, now, { subjectId: r.id, dueAt: r.dueAt }));
      }
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'advice.round_opened',
        caseId,
        payload: { round, roadmapVersion: row.submittedRoadmapVersion, requests: requests.map((r) => ({ councilCode: r.councilCode, requestId: r.id, dueAt: r.dueAt.toISOString() })), stage: row.stage },
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return { round, requests: requests.map(toRef) };
    });
  }

  /**
   * Records a council's advice. `acceptedAt` is when the workflow accepted it (its clock decides
   * the term, so a retried activity after the due date still records advice given in time).
   */
  async submitAdvice(
    caseId: string,
    requestId: string,
    advice: { position: AdvicePosition; text: string; acceptedAt: Date },
    ctx: CommandContext,
  ): Promise<AdviceSubmitted> {
    return this.db.once(commandRef(ctx, caseId, 'submitAdvice'), async (repos) => {
      const request = await repos.advice.findByIdForUpdate(requestId);
      if (!request || request.caseId !== caseId) throw new DomainError('NOT_FOUND', `Adviesverzoek ${requestId} bestaat niet; kies het verzoek in het adviesportaal. / Advice request ${requestId} does not exist.`);
      if (await alreadyApplied(repos, ctx)) return submittedAdvice(request);
      const row = await lockCaseFor(repos, caseId, 'submitAdvice');
      const council = ctx.meta.actor;
      if (request.status !== 'open') {
        throw new DomainError('STAGE_CONFLICT', request.status === 'lapsed' ? lateAdviceRefusal(request.dueAt, advice.acceptedAt) ?? 'De adviestermijn is verstreken. / The term has passed.' : 'Het advies is al gegeven en is definitief. / Advice was already given; it is final.');
      }
      const late = lateAdviceRefusal(request.dueAt, advice.acceptedAt);
      if (late) throw new DomainError('STAGE_CONFLICT', late);
      await repos.advice.update(requestId, {
        status: 'advised',
        position: advice.position,
        adviceText: advice.text,
        advisedBy: council.userId,
        advisedAt: advice.acceptedAt,
        closedAt: advice.acceptedAt,
      });
      await repos.tasks.close(caseId, 'advice', { subjectId: requestId });
      await this.audit.append(repos, {
        actor: council,
        action: 'advice.given',
        caseId,
        reason: ctx.meta.reason,
        payload: { requestId, councilCode: request.councilCode, round: request.round, position: advice.position, text: advice.text, dueAt: request.dueAt.toISOString(), stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: advice.acceptedAt,
      });
      return submittedAdvice({ ...request, position: advice.position, advisedAt: advice.acceptedAt });
    });
  }

  /** The term passed without advice: "no advice within the term", escalated to the account manager. */
  async lapse(caseId: string, requestId: string, at: Date, ctx: SystemContext): Promise<void> {
    await this.db.transaction(async (repos) => {
      const request = await repos.advice.findByIdForUpdate(requestId);
      if (!request || request.status !== 'open') return; // advised in time, or lapsed already
      const row = await repos.cases.findById(caseId);
      const now = at;
      await repos.advice.update(requestId, { status: 'lapsed', closedAt: now });
      await repos.tasks.close(caseId, 'advice', { subjectId: requestId }, 'cancelled');
      await repos.tasks.open(newTask(caseId, 'advice_lapsed', handler(row!.accountManagerId), now, { subjectId: requestId }));
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'advice.lapsed',
        caseId,
        reason: 'Geen advies binnen de termijn / no advice within the term',
        payload: { requestId, councilCode: request.councilCode, round: request.round, dueAt: request.dueAt.toISOString(), stage: row!.stage },
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      await this.notifications.notify(repos, { userIds: [row!.accountManagerId] }, {
        caseId,
        kind: 'advice_lapsed',
        message: adviceLapsed(request.councilCode, row!.clusterName, request.dueAt),
        key: ctx.idempotencyKey,
        at: now,
      });
    });
  }

  /** Every council advised or lapsed: the case moves on to the decision. */
  async closeRound(caseId: string, round: number, ctx: SystemContext): Promise<void> {
    await this.db.transaction(async (repos) => {
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return;
      const row = await repos.cases.findByIdForUpdate(caseId);
      const requests = await repos.advice.round(caseId, round);
      if (requests.some((r) => r.status === 'open')) throw new DomainError('CONFLICT', 'De adviesronde heeft nog open verzoeken; wacht tot elke adviesraad advies gaf of de termijn verstreek. / The advice round still has open requests.');
      const now = new Date();
      await repos.cases.update(caseId, { stage: 'decision', updatedAt: now });
      await repos.tasks.close(caseId, 'advice_lapsed');
      await repos.tasks.open(newTask(caseId, 'decision_proposal', handler(row!.accountManagerId), now));
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'advice.round_closed',
        caseId,
        payload: { round, outcome: requests.map((r) => ({ councilCode: r.councilCode, status: r.status, position: r.position })), stage: 'decision' },
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
    });
  }
}

function submittedAdvice(r: Pick<AdviceRequestEntity, 'id' | 'councilCode' | 'position' | 'advisedAt'>): AdviceSubmitted {
  return { requestId: r.id, councilCode: r.councilCode, position: r.position!, advisedAt: r.advisedAt!.toISOString() };
}

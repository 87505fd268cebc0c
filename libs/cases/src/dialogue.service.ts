import { Injectable } from '@nestjs/common';
import { dialogueActionProblems, DomainError, projectProgressProblems, SYSTEM_ACTOR, type DialogueAction, type DialogueOutcome, type DialogueReport } from '@cluster/domain';
import { commandRef, Database, type CaseClosureEntity, type Repositories } from '@cluster/persistence';
import { AuditService, caseStream } from '@cluster/audit';
import { ApprovalsService } from '@cluster/approvals';
import { BudgetService } from '@cluster/budget';
import { NotificationsService } from '@cluster/notifications';
import type { CaseClosed } from '@cluster/contracts';
import { randomUUID } from 'node:crypto';
import { lockCaseFor, type CommandContext } from './case-lock';
import { handler, newTask } from './tasks';
import type { SystemContext } from './advice.service';

/**
 * The structured dialogue (DOMAIN.md step 7): one cycle per cadence; the cluster reports progress,
 * the account manager records the outcome and actions; a missing report is escalated. Closure
 * (step 8) ends the dialogue, gives unreleased earmarks back and keeps the record readable.
 */
@Injectable()
export class DialogueService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly notifications: NotificationsService,
    private readonly approvals: ApprovalsService,
  ) {}

  async openCycle(caseId: string, cycle: number, dueAt: Date, at: Date, ctx: SystemContext): Promise<void> {
    await this.db.transaction(async (repos) => {
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return;
      // Locked like a command: a closure that commits first (sent as the run began) ends the
      // dialogue, and no cycle, task or event may follow it on the closed case.
      const row = (await repos.cases.findByIdForUpdate(caseId))!;
      if (row.stage === 'closed') return;
      await repos.dialogue.insertCycle({
        id: randomUUID(), caseId, cycle, dueAt, status: 'awaiting_report', report: null, reportedBy: null, reportedAt: null,
        reportMissingAt: null, outcome: null, actions: null, outcomeBy: null, outcomeAt: null,
      });
      await repos.tasks.open(newTask(caseId, 'dialogue_report', { role: 'cluster_representative', ref: `case:${caseId}` }, at, { dueAt }));
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'dialogue.cycle_opened',
        caseId,
        payload: { cycle, dueAt: dueAt.toISOString(), accountManagerId: row.accountManagerId, stage: row.stage },
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: at,
      });
    });
  }

  async submitReport(caseId: string, cycle: number, report: DialogueReport, acceptedAt: Date, ctx: CommandContext): Promise<{ cycle: number; status: string }> {
    return this.db.once(commandRef(ctx, caseId, 'submitDialogueReport'), async (repos) => {
      const c = await repos.dialogue.cycle(caseId, cycle);
      if (!c) throw new DomainError('NOT_FOUND', `Dialoogcyclus ${cycle} bestaat niet in dit dossier. / Dialogue cycle ${cycle} does not exist.`);
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return { cycle, status: c.status };
      const row = await lockCaseFor(repos, caseId, 'submitDialogueReport');
      // The cluster reports on its own projects only (the API checked too; projects are never removed).
      const unknown = projectProgressProblems(report.projects ?? [], report.projects?.length ? await repos.projects.idsOfCase(caseId) : []);
      if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Het verslag noemt projecten die niet in de projectportefeuille van dit dossier staan. / The report names projects that are not in this case\'s project portfolio.', unknown);
      if (c.status !== 'awaiting_report') throw new DomainError('CONFLICT', `Het verslag van cyclus ${cycle} is al ingediend en is definitief. / The report of cycle ${cycle} is in already; it is final.`);
      await repos.dialogue.updateCycle(c.id, { status: 'reported', report, reportedBy: ctx.meta.actor.userId, reportedAt: acceptedAt });
      await repos.tasks.close(caseId, 'dialogue_report');
      await repos.tasks.close(caseId, 'dialogue_report_missing');
      await repos.tasks.open(newTask(caseId, 'dialogue_outcome', handler(row.accountManagerId), acceptedAt));
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'dialogue.report_submitted',
        caseId,
        reason: ctx.meta.reason,
        payload: { cycle, report, stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      return { cycle, status: 'reported' };
    });
  }

  /** The report's term passed: escalated to the account manager (the reminders came before). */
  async reportMissing(caseId: string, cycle: number, at: Date, ctx: SystemContext): Promise<void> {
    await this.db.transaction(async (repos) => {
      const c = await repos.dialogue.cycle(caseId, cycle);
      if (!c || c.status !== 'awaiting_report' || c.reportMissingAt) return;
      const row = (await repos.cases.findById(caseId))!;
      await repos.dialogue.updateCycle(c.id, { reportMissingAt: at });
      await repos.tasks.open(newTask(caseId, 'dialogue_report_missing', handler(row.accountManagerId), at, { dueAt: c.dueAt }));
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'dialogue.report_missing',
        caseId,
        payload: { cycle, dueAt: c.dueAt.toISOString(), stage: row.stage },
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: at,
      });
      await this.notifications.notify(repos, { userIds: [row.accountManagerId] }, {
        caseId,
        kind: 'dialogue_report_missing',
        message: {
          title: `Escalatie: geen voortgangsrapport voor cyclus ${cycle} / Escalation: no progress report`,
          body: `De cluster "${row.clusterName}" heeft geen rapport ingediend voor dialoogcyclus ${cycle}.\n\nThe cluster "${row.clusterName}" has not reported for dialogue cycle ${cycle}.`,
        },
        key: ctx.idempotencyKey,
        at,
      });
    });
  }

  async recordOutcome(caseId: string, cycle: number, outcome: DialogueOutcome, actions: DialogueAction[], acceptedAt: Date, ctx: CommandContext): Promise<{ cycle: number; outcome: DialogueOutcome }> {
    // Before anything is read: the outcome is final once stored, so an impossible due date is refused here.
    const problems = dialogueActionProblems(actions);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De acties zijn niet geldig; verbeter de velden die hieronder genoemd worden. / The actions are not valid.', problems);
    return this.db.once(commandRef(ctx, caseId, 'recordDialogueOutcome'), async (repos) => {
      const c = await repos.dialogue.cycle(caseId, cycle);
      if (!c) throw new DomainError('NOT_FOUND', `Dialoogcyclus ${cycle} bestaat niet in dit dossier. / Dialogue cycle ${cycle} does not exist.`);
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return { cycle, outcome: c.outcome! };
      const row = await lockCaseFor(repos, caseId, 'recordDialogueOutcome');
      if (c.status === 'concluded') throw new DomainError('CONFLICT', `Cyclus ${cycle} heeft al een uitkomst. / Cycle ${cycle} has its outcome already.`);
      if (c.status === 'awaiting_report' && !c.reportMissingAt) throw new DomainError('CONFLICT', `Cyclus ${cycle} wacht op het verslag van de cluster (of tot de termijn ervan verstrijkt). / Cycle ${cycle} waits for the cluster's report (or for its term to pass).`);
      await repos.dialogue.updateCycle(c.id, { status: 'concluded', outcome, actions, outcomeBy: ctx.meta.actor.userId, outcomeAt: acceptedAt });
      await repos.tasks.close(caseId, 'dialogue_outcome');
      await repos.tasks.close(caseId, 'dialogue_report_missing');
      await repos.tasks.close(caseId, 'dialogue_report', {}, 'cancelled');
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'dialogue.outcome_recorded',
        caseId,
        reason: ctx.meta.reason,
        payload: { cycle, outcome, actions, reportMissing: c.status === 'awaiting_report', stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      return { cycle, outcome };
    });
  }

  /** Closes the case with its final report; unreleased earmarks go back to the instruments. */
  async close(caseId: string, reason: 'term_completed' | 'ended_early', explanation: string, finalReport: string, acceptedAt: Date, ctx: CommandContext): Promise<CaseClosed> {
    return this.db.once(commandRef(ctx, caseId, 'closeCase'), async (repos) => {
      // The chain's final head goes back to the workflow, which keeps it outside the database.
      const auditHead = async () => (await repos.audit.headOf(caseStream(caseId)))!;
      const closed = await repos.audit.findByIdempotencyKey(ctx.idempotencyKey);
      if (closed) return { stage: 'closed' as const, returnedCents: Number(closed.payload.returnedCents), auditHead: await auditHead() };
      await lockCaseFor(repos, caseId, 'closeCase');
      const returnedCents = await this.closeIn(repos, caseId, { reason, explanation, finalReport, closedBy: ctx.meta.actor.userId }, acceptedAt, ctx);
      return { stage: 'closed' as const, returnedCents, auditHead: await auditHead() };
    });
  }

  /**
   * The closure inside the caller's transaction (the case row locked): unreleased earmarks back,
   * the closure record, nothing left waiting, and the `case.closed` event by the command's actor.
   * `closedBy` is who closes on the record (the proposer of an early end approved by another).
   */
  async closeIn(
    repos: Repositories,
    caseId: string,
    c: { reason: CaseClosureEntity['reason']; explanation: string; finalReport: string; closedBy: string; payload?: Record<string, unknown> },
    acceptedAt: Date,
    ctx: CommandContext,
  ): Promise<number> {
    let returnedCents = 0;
    for (const line of await repos.budget.lines(caseId)) {
      const unreleased = line.earmarkedCents - line.releasedCents;
      if (unreleased <= 0) continue;
      returnedCents += unreleased;
      await this.budget.earmarkIn(repos, caseId, line.instrumentCode, unreleased, 'unearmark', `Afsluiting: ${c.reason}`, {
        actor: ctx.meta.actor,
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: `${ctx.idempotencyKey}:unearmark:${line.instrumentCode}`,
      });
    }
    // A withdrawal has superseded its own already; any other closure leaves nothing waiting either.
    await this.approvals.supersedePendingOf(repos, caseId, { kind: 'case_closed', explanation: c.explanation }, {
      actor: ctx.meta.actor, at: acceptedAt, workflowId: ctx.workflowId, requestId: ctx.meta.requestId, idempotencyKey: ctx.idempotencyKey,
    });
    await repos.dialogue.insertClosure({ caseId, reason: c.reason, explanation: c.explanation, finalReport: c.finalReport, closedBy: c.closedBy, closedAt: acceptedAt });
    await repos.cases.update(caseId, { stage: 'closed', updatedAt: acceptedAt });
    await repos.tasks.closeAllForCase(caseId);
    await this.audit.append(repos, {
      actor: ctx.meta.actor,
      action: 'case.closed',
      caseId,
      reason: c.explanation,
      payload: { reason: c.reason, finalReport: c.finalReport, returnedCents, ...c.payload, stage: 'closed' },
      requestId: ctx.meta.requestId,
      workflowId: ctx.workflowId,
      idempotencyKey: ctx.idempotencyKey,
      occurredAt: acceptedAt,
    });
    return returnedCents;
  }

  async finalReportDue(caseId: string, at: Date, ctx: SystemContext): Promise<void> {
    await this.db.transaction(async (repos) => {
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return;
      const row = (await repos.cases.findById(caseId))!;
      await repos.tasks.open(newTask(caseId, 'final_report', handler(row.accountManagerId), at));
      await this.audit.append(repos, { actor: SYSTEM_ACTOR, action: 'dialogue.term_completed', caseId, payload: { stage: row.stage }, workflowId: ctx.workflowId, idempotencyKey: ctx.idempotencyKey, occurredAt: at });
    });
  }

  overview(caseId: string) {
    return this.db.read(async (repos) => ({ cycles: await repos.dialogue.cycles(caseId), closure: await repos.dialogue.closure(caseId) }));
  }
}

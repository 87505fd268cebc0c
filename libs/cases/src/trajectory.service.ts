import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  actionInstrumentMatrix,
  brusselsDate,
  DomainError,
  dueDateProblems,
  endOfBrusselsDay,
  SYSTEM_ACTOR,
  trajectoryProblems,
  type MilestonePlan,
  type TrajectoryOutcome,
} from '@cluster/domain';
import { commandRef, Database, type TrajectoryMilestoneEntity } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { NotificationsService } from '@cluster/notifications';
import { lockCaseFor, policyOf, type CommandContext } from './case-lock';
import { handler, newTask } from './tasks';

import type { MilestoneRef } from '@cluster/contracts';

/**
 * The test trajectory (DOMAIN.md step 5): milestones that align roadmap actions with funding
 * instruments, each with a due date (reminders and an escalation come from workflow timers) and
 * evidence when met; the account manager evaluates: proceed, extend (new due dates) or stop.
 */
@Injectable()
export class TrajectoryService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** `acceptedAt`: the workflow's clock, against which due dates must lie in the future. */
  async plan(caseId: string, milestones: MilestonePlan[], pilot: boolean, acceptedAt: Date, ctx: CommandContext): Promise<MilestoneRef[]> {
    return this.db.once(commandRef(ctx, caseId, 'planTrajectory'), async (repos) => {
      const reminders = async () => (await policyOf(repos, (await repos.cases.findById(caseId))!)).content.milestoneReminderDaysBefore;
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return refs(await repos.trajectory.milestones(caseId), await reminders());
      const row = await lockCaseFor(repos, caseId, 'planTrajectory');
      if ((await repos.trajectory.milestones(caseId)).length) throw new DomainError('CONFLICT', 'Het testtraject is al gepland; verleng het via de evaluatie. / The trajectory is planned already; extend it through the evaluation.');
      const problems = trajectoryProblems((await policyOf(repos, row)).content, milestones, brusselsDate(acceptedAt));
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'Het testtraject is niet geldig; verbeter de velden die hieronder genoemd worden. / The trajectory is not valid.', problems);
      const rows: TrajectoryMilestoneEntity[] = milestones.map((m, i) => ({
        id: randomUUID(),
        caseId,
        position: i + 1,
        action: m.action,
        instrumentCode: m.instrumentCode,
        amountForeseenCents: m.amountForeseenCents,
        dueAt: endOfBrusselsDay(m.dueDate),
        status: 'planned',
        evidence: null,
        evidenceBy: null,
        metAt: null,
      }));
      for (const r of rows) await repos.trajectory.insertMilestone(r);
      await repos.cases.update(caseId, { pilot, updatedAt: acceptedAt });
      await repos.tasks.close(caseId, 'trajectory_plan');
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'trajectory.planned',
        caseId,
        reason: ctx.meta.reason,
        payload: { pilot, milestones: rows.map((r) => ({ id: r.id, action: r.action, instrumentCode: r.instrumentCode, amountForeseenCents: r.amountForeseenCents, dueAt: r.dueAt.toISOString() })), stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      return refs(rows, await reminders());
    });
  }

  async recordEvidence(caseId: string, milestoneId: string, evidence: string, acceptedAt: Date, ctx: CommandContext): Promise<MilestoneRef> {
    return this.db.once(commandRef(ctx, caseId, 'recordMilestoneEvidence'), async (repos) => {
      const done = await repos.audit.findByIdempotencyKey(ctx.idempotencyKey);
      const row = done ? null : await lockCaseFor(repos, caseId, 'recordMilestoneEvidence');
      const milestone = (await repos.trajectory.milestones(caseId)).find((m) => m.id === milestoneId);
      if (!milestone) throw new DomainError('NOT_FOUND', `Mijlpaal ${milestoneId} bestaat niet in dit dossier. / Milestone ${milestoneId} does not exist in this case.`);
      if (done) return refs([milestone])[0]!;
      if (milestone.status === 'met') throw new DomainError('CONFLICT', 'Deze mijlpaal is al behaald; het bewijs ervan is definitief. / This milestone is met already; its evidence is final.');
      await repos.trajectory.updateMilestone(milestoneId, { status: 'met', evidence, evidenceBy: ctx.meta.actor.userId, metAt: acceptedAt });
      await repos.tasks.close(caseId, 'milestone_overdue', { subjectId: milestoneId });
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'trajectory.milestone_met',
        caseId,
        reason: ctx.meta.reason,
        payload: { milestoneId, action: milestone.action, instrumentCode: milestone.instrumentCode, evidence, dueAt: milestone.dueAt.toISOString(), stage: row!.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      return { milestoneId, dueAt: milestone.dueAt.toISOString(), met: true };
    });
  }

  /** A milestone's due date passed unmet: escalated to the account manager. */
  async milestoneOverdue(caseId: string, milestoneId: string, at: Date, ctx: { workflowId: string; idempotencyKey: string }): Promise<void> {
    await this.db.transaction(async (repos) => {
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return;
      const milestone = (await repos.trajectory.milestones(caseId)).find((m) => m.id === milestoneId);
      if (!milestone || milestone.status === 'met') return;
      const row = (await repos.cases.findById(caseId))!;
      await repos.tasks.open(newTask(caseId, 'milestone_overdue', handler(row.accountManagerId), at, { subjectId: milestoneId, dueAt: milestone.dueAt }));
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'trajectory.milestone_overdue',
        caseId,
        payload: { milestoneId, action: milestone.action, dueAt: milestone.dueAt.toISOString(), stage: row.stage },
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: at,
      });
      await this.notifications.notify(repos, { userIds: [row.accountManagerId] }, {
        caseId,
        kind: 'milestone_overdue',
        message: {
          title: `Mijlpaal niet gehaald: ${milestone.action} / Milestone overdue`,
          body: `De mijlpaal "${milestone.action}" (${milestone.instrumentCode}) van "${row.clusterName}" is niet gehaald op de vervaldag.\n\nThe milestone "${milestone.action}" of "${row.clusterName}" was not met by its due date.`,
        },
        key: ctx.idempotencyKey,
        at,
      });
    });
  }

  /** proceed → partnership agreement; extend → new due dates; stop → closed with the reason. */
  async evaluate(
    caseId: string,
    outcome: TrajectoryOutcome,
    evaluation: string,
    newDueDates: { milestoneId: string; dueDate: string }[],
    acceptedAt: Date,
    ctx: CommandContext,
  ): Promise<{ outcome: TrajectoryOutcome; stage: string; milestones: MilestoneRef[] }> {
    return this.db.once(commandRef(ctx, caseId, 'concludeTrajectory'), async (repos) => {
      const previous = await repos.trajectory.evaluationByKey(ctx.idempotencyKey);
      if (previous) {
        const row = (await repos.cases.findById(caseId))!;
        return { outcome: previous.outcome, stage: row.stage, milestones: refs(await repos.trajectory.milestones(caseId)) };
      }
      await lockCaseFor(repos, caseId, 'concludeTrajectory');
      const milestones = await repos.trajectory.milestones(caseId);
      if (!milestones.length) throw new DomainError('CONFLICT', 'Plan het testtraject voordat u het evalueert. / Plan the trajectory before evaluating it.');
      if (outcome === 'extend') {
        const today = brusselsDate(acceptedAt);
        const problems = newDueDates.flatMap((d, i) => {
          const m = milestones.find((x) => x.id === d.milestoneId);
          if (!m) return [{ field: `newDueDates.${i}.milestoneId`, messages: ['Dit is geen mijlpaal van dit dossier. / not a milestone of this case'] }];
          if (m.status === 'met') return [{ field: `newDueDates.${i}.milestoneId`, messages: ['Deze mijlpaal is al behaald. / this milestone is met already'] }];
          return dueDateProblems(`newDueDates.${i}.dueDate`, d.dueDate, today);
        });
        if (!newDueDates.length) problems.push({ field: 'newDueDates', messages: ['Een verlenging geeft minstens één nieuwe vervaldatum. / an extension gives at least one new due date'] });
        if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De verlenging is niet geldig; verbeter de velden die hieronder genoemd worden. / The extension is not valid.', problems);
        for (const d of newDueDates) await repos.trajectory.updateMilestone(d.milestoneId, { dueAt: endOfBrusselsDay(d.dueDate) });
        for (const d of newDueDates) await repos.tasks.close(caseId, 'milestone_overdue', { subjectId: d.milestoneId });
      }
      const stage = outcome === 'proceed' ? 'partnership_agreement' : outcome === 'stop' ? 'closed' : 'test_trajectory';
      const evaluationId = randomUUID();
      await repos.trajectory.insertEvaluation({ id: evaluationId, caseId, outcome, evaluation, evaluatedBy: ctx.meta.actor.userId, evaluatedAt: acceptedAt, idempotencyKey: ctx.idempotencyKey });
      await repos.cases.update(caseId, { stage, updatedAt: acceptedAt });
      if (stage === 'closed') await repos.tasks.closeAllForCase(caseId);
      if (stage === 'partnership_agreement') {
        const row = (await repos.cases.findById(caseId))!;
        await repos.tasks.open(newTask(caseId, 'agreement_draft', handler(row.accountManagerId), acceptedAt));
      }
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: `trajectory.evaluated_${outcome}`,
        caseId,
        reason: evaluation,
        payload: { evaluationId, outcome, stage, newDueDates },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        // The command's key: the trail names the workflow update it came from.
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      return { outcome, stage, milestones: refs(await repos.trajectory.milestones(caseId)) };
    });
  }

  /** The milestones and the action × instrument matrix, for the case page. */
  async overview(caseId: string) {
    return this.db.read(async (repos) => {
      const [milestones, evaluations] = await Promise.all([repos.trajectory.milestones(caseId), repos.trajectory.evaluations(caseId)]);
      return { milestones, matrix: actionInstrumentMatrix(milestones), evaluations };
    });
  }
}

function refs(rows: TrajectoryMilestoneEntity[], reminderDaysBefore?: number[]): MilestoneRef[] {
  return rows.map((r) => ({ milestoneId: r.id, dueAt: r.dueAt.toISOString(), met: r.status === 'met', ...(reminderDaysBefore ? { reminderDaysBefore } : {}) }));
}

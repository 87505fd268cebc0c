import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  assessmentProblems,
  criterionSpread,
  DomainError,
  refusalText,
  RULES,
  type AssessmentContent,
  type ConclusionOutcome,
  type CriterionSpread,
} from '@cluster/domain';
import type { AssessmentConcluded, AssessmentSubmitted, AssessorsAssigned, ConflictDeclared } from '@cluster/contracts';
import { commandRef, Database, type AssessmentEntity, type AssessorAssignmentEntity, type Repositories } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { handler, newTask } from './tasks';
import { alreadyApplied, lockCaseFor, policyOf, type CommandContext } from './case-lock';

export interface AssessmentOverview {
  roadmapVersion: number | null;
  requiredCount: number;
  assignments: AssessorAssignmentEntity[];
  assessments: AssessmentEntity[];
  spread: CriterionSpread[];
}

/**
 * Quality assessment of a submitted roadmap version (DOMAIN.md step 2): assessors are assigned,
 * each declares a conflict of interest first (a conflict excludes them), then answers the gate
 * questions and scores the criteria; the handler concludes once enough independent assessments
 * are in.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async assignAssessors(caseId: string, assessorIds: string[], ctx: CommandContext): Promise<AssessorsAssigned> {
    return this.db.once(commandRef(ctx, caseId, 'assignAssessors'), async (repos) => {
      if (await alreadyApplied(repos, ctx)) {
        const done = await repos.cases.findById(caseId);
        return { caseId, roadmapVersion: done!.submittedRoadmapVersion!, assessorIds: [...new Set(assessorIds)] };
      }
      const row = await lockCaseFor(repos, caseId, 'assignAssessors');
      const version = row.submittedRoadmapVersion!;

      const existing = await repos.assessments.assignments(caseId, version);
      const problems: string[] = [];
      for (const id of new Set(assessorIds)) {
        const user = await repos.users.findById(id);
        if (!user || !user.active || !user.roles.includes('case_handler')) problems.push(`${id} is geen actieve dossierbehandelaar. / ${id} is not an active case handler`);
        else if (id === row.accountManagerId) problems.push(`${user.displayName} is de accountmanager van dit dossier en kan het niet onafhankelijk beoordelen. / ${user.displayName} is the account manager of this case and cannot assess it independently`);
        else if (id === ctx.meta.actor.userId) problems.push('U kunt uzelf niet als beoordelaar aanwijzen. / you cannot assign yourself');
        else if (existing.some((a) => a.assessorId === id)) problems.push(`${user.displayName} is al beoordelaar van deze versie. / ${user.displayName} is already assigned to this version`);
      }
      if (problems.length) {
        throw new DomainError('VALIDATION_FAILED', 'Niet alle gekozen beoordelaars kunnen worden aangewezen; kies andere collega\'s. / Some assessors cannot be assigned.', [{ field: 'assessorIds', messages: problems }]);
      }
      const now = new Date();
      for (const assessorId of new Set(assessorIds)) {
        await repos.assessments.insertAssignment({
          id: randomUUID(),
          caseId,
          roadmapVersion: version,
          assessorId,
          assignedBy: ctx.meta.actor.userId,
          status: 'assigned',
          conflictNote: null,
          createdAt: now,
          updatedAt: now,
        });
        await repos.tasks.open(newTask(caseId, 'assessment', handler(assessorId), now));
      }
      await repos.tasks.close(caseId, 'assessor_assignment');
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'assessment.assessors_assigned',
        caseId,
        reason: ctx.meta.reason,
        payload: { roadmapVersion: version, assessorIds: [...new Set(assessorIds)], stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return { caseId, roadmapVersion: version, assessorIds: [...new Set(assessorIds)] };
    });
  }

  /** The assessor's declaration, first of all; a conflict excludes them and asks for another. */
  async declareConflict(caseId: string, hasConflict: boolean, note: string | undefined, ctx: CommandContext): Promise<ConflictDeclared> {
    const assessorId = ctx.meta.actor.userId;
    return this.db.once(commandRef(ctx, caseId, 'declareConflict'), async (repos) => {
      if (await alreadyApplied(repos, ctx)) return { assessorId, hasConflict };
      const row = await lockCaseFor(repos, caseId, 'declareConflict');
      const assignment = await repos.assessments.assignmentOf(caseId, row.submittedRoadmapVersion!, assessorId);
      if (!assignment) throw new DomainError('FORBIDDEN', refusalText(RULES.declareConflict.refusal));
      if (assignment.status !== 'assigned') throw new DomainError('CONFLICT', `U hebt al verklaard of u een belangenconflict hebt (${assignment.status}). / You already declared (${assignment.status}).`);
      const now = new Date();
      await repos.assessments.updateAssignment(assignment.id, {
        status: hasConflict ? 'conflict_declared' : 'cleared',
        conflictNote: note ?? null,
        updatedAt: now,
      });
      if (hasConflict) {
        await repos.tasks.close(caseId, 'assessment', { assigneeRef: assessorId }, 'cancelled');
        await repos.tasks.open(newTask(caseId, 'assessor_assignment', handler(row.accountManagerId), now));
      }
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: hasConflict ? 'assessment.conflict_declared' : 'assessment.no_conflict_declared',
        caseId,
        reason: note ?? ctx.meta.reason,
        payload: { roadmapVersion: row.submittedRoadmapVersion, assessorId, stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return { assessorId, hasConflict };
    });
  }

  async submitAssessment(caseId: string, content: AssessmentContent, ctx: CommandContext): Promise<AssessmentSubmitted> {
    const assessorId = ctx.meta.actor.userId;
    return this.db.once(commandRef(ctx, caseId, 'submitAssessment'), async (repos) => {
      const previous = await repos.assessments.assessmentByKey(ctx.idempotencyKey);
      const row = previous ? (await repos.cases.findById(caseId))! : await lockCaseFor(repos, caseId, 'submitAssessment');
      const policy = await policyOf(repos, row);
      const required = policy.content.minAssessors;
      if (previous) return submittedResult(previous, await this.countSubmitted(repos, caseId, previous.roadmapVersion), required);

      const version = row.submittedRoadmapVersion!;
      const assignment = await repos.assessments.assignmentOf(caseId, version, assessorId);
      if (!assignment) throw new DomainError('FORBIDDEN', refusalText(RULES.submitAssessment.refusal));
      if (assignment.status === 'assigned') throw new DomainError('CONFLICT', 'Verklaar eerst of u een belangenconflict hebt. / Declare first whether you have a conflict of interest.');
      if (assignment.status === 'conflict_declared') throw new DomainError('FORBIDDEN', 'U verklaarde een belangenconflict voor deze cluster en beoordeelt ze dus niet. / You declared a conflict of interest for this cluster.');
      if (assignment.status === 'submitted') throw new DomainError('CONFLICT', 'Uw beoordeling van deze versie is al ingediend en is definitief. / Your assessment of this version is already in; it is final.');
      const problems = assessmentProblems(policy.content, content);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De beoordeling is niet volledig; vul de velden aan die hieronder genoemd worden. / The assessment is not complete.', problems);

      const now = new Date();
      const assessment: AssessmentEntity = {
        id: randomUUID(),
        assignmentId: assignment.id,
        caseId,
        roadmapVersion: version,
        assessorId,
        gateAnswers: content.gateAnswers,
        scores: content.scores,
        submittedAt: now,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.assessments.insertAssessment(assessment);
      await repos.assessments.updateAssignment(assignment.id, { status: 'submitted', updatedAt: now });
      await repos.tasks.close(caseId, 'assessment', { assigneeRef: assessorId });
      const count = await this.countSubmitted(repos, caseId, version);
      if (count >= required) await repos.tasks.open(newTask(caseId, 'assessment_conclusion', handler(row.accountManagerId), now));
      const roadmap = (await repos.roadmaps.listForCase(caseId)).find((v) => v.version === version);
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'assessment.submitted',
        caseId,
        reason: ctx.meta.reason,
        payload: { assessmentId: assessment.id, roadmapVersion: version, gateAnswers: content.gateAnswers, scores: content.scores, stage: row.stage },
        documentHashes: roadmap ? [roadmap.sha256] : [],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return submittedResult(assessment, count, required);
    });
  }

  /** proceed → advice, revise → back to drafting with remarks, reject → closed with the reason. */
  async conclude(caseId: string, outcome: ConclusionOutcome, remarks: string, ctx: CommandContext): Promise<AssessmentConcluded> {
    return this.db.once(commandRef(ctx, caseId, 'concludeAssessment'), async (repos) => {
      const previous = await repos.assessments.conclusionByKey(ctx.idempotencyKey);
      if (previous) return { outcome: previous.outcome, stage: stageAfter(previous.outcome, (await repos.cases.findById(caseId))!.callId) };
      const row = await lockCaseFor(repos, caseId, 'concludeAssessment');
      const policy = await policyOf(repos, row);
      const version = row.submittedRoadmapVersion!;
      const count = await this.countSubmitted(repos, caseId, version);
      if (count < policy.content.minAssessors) {
        throw new DomainError('STAGE_CONFLICT', `Voor de conclusie zijn ${policy.content.minAssessors} onafhankelijke beoordelingen nodig; er zijn er ${count} ingediend. / The conclusion needs ${policy.content.minAssessors} independent assessments; ${count} are in.`);
      }
      const assessors = (await repos.assessments.assignments(caseId, version)).map((a) => a.assessorId);
      if (assessors.includes(ctx.meta.actor.userId)) {
        throw new DomainError('FORBIDDEN', refusalText(RULES.concludeAssessment.refusal));
      }
      const now = new Date();
      const stage = stageAfter(outcome, row.callId);
      await repos.assessments.insertConclusion({
        id: randomUUID(),
        caseId,
        roadmapVersion: version,
        outcome,
        remarks,
        concludedBy: ctx.meta.actor.userId,
        concludedAt: now,
        idempotencyKey: ctx.idempotencyKey,
      });
      await repos.cases.update(caseId, { stage, updatedAt: now });
      await repos.tasks.close(caseId, 'assessment_conclusion');
      if (stage === 'closed') await repos.tasks.closeAllForCase(caseId);
      if (stage === 'roadmap_drafting') {
        await repos.tasks.open(newTask(caseId, 'roadmap_revision', handler(row.accountManagerId), now));
        await repos.tasks.open(newTask(caseId, 'roadmap_revision', { role: 'cluster_representative', ref: `case:${caseId}` }, now));
      }
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: `assessment.concluded_${outcome}`,
        caseId,
        reason: remarks,
        payload: { roadmapVersion: version, outcome, assessments: count, stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return { outcome, stage };
    });
  }

  /** The assessments of the version under assessment (or the latest), side by side with spread. */
  async overview(caseId: string): Promise<AssessmentOverview> {
    return this.db.read(async (repos) => {
      const row = await repos.cases.findById(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      const policy = await policyOf(repos, row);
      const version = row.submittedRoadmapVersion;
      if (version === null) return { roadmapVersion: null, requiredCount: policy.content.minAssessors, assignments: [], assessments: [], spread: [] };
      const assessments = await repos.assessments.assessments(caseId, version);
      return {
        roadmapVersion: version,
        requiredCount: policy.content.minAssessors,
        assignments: await repos.assessments.assignments(caseId, version),
        assessments,
        spread: criterionSpread(policy.content.criteria.map((c) => c.code), assessments),
      };
    });
  }

  private async countSubmitted(repos: Repositories, caseId: string, version: number): Promise<number> {
    return (await repos.assessments.assessments(caseId, version)).length;
  }
}

/** A call's candidate that may proceed waits for the call's selection (selection.ts); any other goes on to the advice. */
function stageAfter(outcome: ConclusionOutcome, callId: string | null) {
  if (outcome === 'proceed') return callId ? ('selection' as const) : ('advice' as const);
  return outcome === 'revise' ? ('roadmap_drafting' as const) : ('closed' as const);
}

function submittedResult(a: AssessmentEntity, submittedCount: number, requiredCount: number): AssessmentSubmitted {
  return { assessmentId: a.id, assessorId: a.assessorId, roadmapVersion: a.roadmapVersion, submittedCount, requiredCount };
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, TERMINATION_COMMAND, TERMINATION_LABEL, isTerminationKind, type ApprovalDecision, type TerminationKind, refusalText, RULES } from '@cluster/domain';
import type { TerminationDecided, TerminationProposed } from '@cluster/contracts';
import { commandRef, Database, type CaseEntity, type CaseTerminationEntity, type Repositories } from '@cluster/persistence';
import { AuditService, caseStream } from '@cluster/audit';
import { ApprovalsService } from '@cluster/approvals';
import { DialogueService } from './dialogue.service';
import { lockCaseFor, policyOf, type CommandContext } from './case-lock';
import { handler, newTask } from './tasks';

/** The proposal's own event, per kind (the approval adds `approval.requested`). */
const PROPOSED_ACTION: Record<TerminationKind, string> = {
  assessment_rejection: 'assessment.rejection_proposed',
  trajectory_stop: 'trajectory.stop_proposed',
  agreement_early_end: 'agreement.early_end_proposed',
  case_withdrawal: 'case.withdrawal_proposed',
};

export interface TerminationProposal {
  kind: TerminationKind;
  reason: string;
  finalReport?: string;
}

/**
 * Four eyes for what ends a case early (DOMAIN.md, "Rules decided (turn 2)"): a rejection at the
 * assessment, a stopped test trajectory, an agreement ended early, a withdrawal. The proposal
 * changes no stage; an approver who is not the proposer approves it (the effect commits with its
 * audit event and the approval) or sends it back (nothing changes; a new proposal may follow).
 */
@Injectable()
export class TerminationService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly dialogue: DialogueService,
  ) {}

  async propose(caseId: string, p: TerminationProposal, acceptedAt: Date, ctx: CommandContext): Promise<TerminationProposed> {
    const command = TERMINATION_COMMAND[p.kind];
    return this.db.once(commandRef(ctx, caseId, command), async (repos) => {
      const previous = await repos.terminations.findByKey(ctx.idempotencyKey);
      if (previous) return proposed(previous, (await repos.approvals.bySubject(previous.kind, previous.id))!.id);
      const row = await lockCaseFor(repos, caseId, command);
      const pending = await repos.terminations.pending(caseId);
      if (pending) throw new DomainError('STAGE_CONFLICT', `Er wacht al een voorstel tot ${TERMINATION_LABEL[pending.kind].nl} op goedkeuring. / A proposed ${TERMINATION_LABEL[pending.kind].en} already awaits approval.`);
      await this.checkProposal(repos, row, p, ctx);

      const proposal: CaseTerminationEntity = {
        id: randomUUID(),
        caseId,
        kind: p.kind,
        reason: p.reason,
        details: p.finalReport !== undefined ? { finalReport: p.finalReport } : {},
        stage: row.stage,
        proposedBy: ctx.meta.actor.userId,
        proposedAt: acceptedAt,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.terminations.insert(proposal);
      // The step is taken (proposed); it is open again if the proposal is sent back.
      if (p.kind === 'assessment_rejection') await repos.tasks.close(caseId, 'assessment_conclusion');
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: PROPOSED_ACTION[p.kind],
        caseId,
        reason: p.reason,
        payload: { proposalId: proposal.id, kind: p.kind, ...proposal.details, roadmapVersion: row.submittedRoadmapVersion, stage: row.stage },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      const approval = await this.approvals.request(
        repos,
        { caseId, subjectType: p.kind, subjectId: proposal.id, summary: `Voorstel tot ${TERMINATION_LABEL[p.kind].nl} / Proposed ${TERMINATION_LABEL[p.kind].en}`, requestedBy: ctx.meta.actor, at: acceptedAt },
        { workflowId: ctx.workflowId, requestId: ctx.meta.requestId },
      );
      return proposed(proposal, approval.id);
    });
  }

  /** The approver's four-eyes decision: approve → the effect; send back → nothing changes. */
  async decide(caseId: string, approvalId: string, decision: ApprovalDecision, comment: string, acceptedAt: Date, ctx: CommandContext): Promise<TerminationDecided> {
    return this.db.once(commandRef(ctx, caseId, 'decideTermination'), async (repos) => {
      const approval = await repos.approvals.findById(approvalId);
      if (!approval || approval.caseId !== caseId || !isTerminationKind(approval.subjectType)) {
        throw new DomainError('NOT_FOUND', `Goedkeuring ${approvalId} bestaat niet voor dit dossier. / Approval ${approvalId} does not exist for this case.`);
      }
      const kind = approval.subjectType;
      const proposal = (await repos.terminations.findById(approval.subjectId))!;
      // Applied by an attempt from before answers were kept: answer as it did, even on a case closed since.
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) {
        if (decision === 'send_back') return { approvalId, kind, decision, stage: proposal.stage };
        return { approvalId, kind, decision, stage: 'closed', auditHead: (await repos.audit.lastOfCommand(caseStream(caseId), ctx.idempotencyKey))! };
      }
      const row = await lockCaseFor(repos, caseId, 'decideTermination');
      await this.approvals.decide(repos, approvalId, ctx.meta.actor, decision, comment, { at: acceptedAt, workflowId: ctx.workflowId, requestId: ctx.meta.requestId, idempotencyKey: ctx.idempotencyKey });
      await repos.terminations.update(proposal.id, { status: decision === 'approve' ? 'approved' : 'sent_back', decidedBy: ctx.meta.actor.userId, decidedAt: acceptedAt });
      if (decision === 'send_back') {
        if (kind === 'assessment_rejection') await repos.tasks.open(newTask(caseId, 'assessment_conclusion', handler(row.accountManagerId), acceptedAt));
        return { approvalId, kind, decision, stage: row.stage };
      }
      // The effect's event is the approver's; the approval event already holds the command's key.
      const effect: CommandContext = { ...ctx, idempotencyKey: `${ctx.idempotencyKey}:effect` };
      const trace = { proposalId: proposal.id, approvalId, proposedBy: proposal.proposedBy };
      await this.apply(repos, row, proposal, trace, acceptedAt, effect);
      return { approvalId, kind, decision, stage: 'closed', auditHead: (await repos.audit.headOf(caseStream(caseId)))! };
    });
  }

  /** The proposals of a case, newest last, with their approval. */
  async list(caseId: string) {
    return this.db.read(async (repos) => {
      const rows = await repos.terminations.forCase(caseId);
      const approvals = await repos.approvals.forCase(caseId);
      return rows.map((t) => ({ ...t, approval: approvals.find((a) => a.subjectType === t.kind && a.subjectId === t.id) ?? null }));
    });
  }

  /** What the old single-person commands checked stays checked for the proposal. */
  private async checkProposal(repos: Repositories, row: CaseEntity, p: TerminationProposal, ctx: CommandContext): Promise<void> {
    if (p.kind === 'assessment_rejection') {
      const version = row.submittedRoadmapVersion!;
      const required = (await policyOf(repos, row)).content.minAssessors;
      const count = (await repos.assessments.assessments(row.id, version)).length;
      if (count < required) throw new DomainError('STAGE_CONFLICT', `De conclusie vraagt ${required} onafhankelijke beoordelingen; er zijn er ${count}. / The conclusion needs ${required} independent assessments; ${count} are in.`);
      const assessors = (await repos.assessments.assignments(row.id, version)).map((a) => a.assessorId);
      if (assessors.includes(ctx.meta.actor.userId)) throw new DomainError('FORBIDDEN', refusalText(RULES.proposeAssessmentRejection.refusal));
    }
    if (p.kind === 'trajectory_stop' && !(await repos.trajectory.milestones(row.id)).length) {
      throw new DomainError('CONFLICT', 'Plan het testtraject voor u het evalueert. / Plan the trajectory before evaluating it.');
    }
    if (p.kind === 'agreement_early_end' && !p.finalReport) {
      throw new DomainError('VALIDATION_FAILED', 'Een vroegtijdige beëindiging heeft een eindrapport. / An early end needs a final report.', [
        { field: 'finalReport', messages: ['Het eindrapport ontbreekt. / The final report is missing.'] },
      ]);
    }
  }

  private async apply(repos: Repositories, row: CaseEntity, t: CaseTerminationEntity, trace: Record<string, string>, at: Date, ctx: CommandContext): Promise<void> {
    const caseId = row.id;
    const event = (action: string, payload: Record<string, unknown>) =>
      this.audit.append(repos, { actor: ctx.meta.actor, action, caseId, reason: t.reason, payload: { ...payload, ...trace, stage: 'closed' }, requestId: ctx.meta.requestId, workflowId: ctx.workflowId, idempotencyKey: ctx.idempotencyKey, occurredAt: at });
    switch (t.kind) {
      case 'assessment_rejection': {
        const version = row.submittedRoadmapVersion!;
        // On the record the proposer concluded; the approval beside it says who approved.
        await repos.assessments.insertConclusion({ id: randomUUID(), caseId, roadmapVersion: version, outcome: 'reject', remarks: t.reason, concludedBy: t.proposedBy, concludedAt: at, idempotencyKey: ctx.idempotencyKey });
        await repos.cases.update(caseId, { stage: 'closed', updatedAt: at });
        await this.approvals.supersedePendingOf(repos, caseId, { kind: 'case_closed', explanation: t.reason }, stale(t, at, ctx));
        await repos.tasks.closeAllForCase(caseId);
        await event('assessment.concluded_reject', { roadmapVersion: version, outcome: 'reject', assessments: (await repos.assessments.assessments(caseId, version)).length });
        return;
      }
      case 'trajectory_stop': {
        const evaluationId = randomUUID();
        await repos.trajectory.insertEvaluation({ id: evaluationId, caseId, outcome: 'stop', evaluation: t.reason, evaluatedBy: t.proposedBy, evaluatedAt: at, idempotencyKey: ctx.idempotencyKey });
        await repos.cases.update(caseId, { stage: 'closed', updatedAt: at });
        await this.approvals.supersedePendingOf(repos, caseId, { kind: 'case_closed', explanation: t.reason }, stale(t, at, ctx));
        await repos.tasks.closeAllForCase(caseId);
        await event('trajectory.evaluated_stop', { evaluationId, outcome: 'stop', newDueDates: [] });
        return;
      }
      case 'agreement_early_end':
        await this.dialogue.closeIn(repos, caseId, { reason: 'ended_early', explanation: t.reason, finalReport: t.details.finalReport ?? '', closedBy: t.proposedBy, payload: trace }, at, ctx);
        return;
      case 'case_withdrawal':
        await this.approvals.supersedePendingOf(repos, caseId, { kind: 'case_withdrawn', explanation: t.reason }, stale(t, at, ctx));
        for (const r of await repos.advice.forCase(caseId)) if (r.status === 'open') await repos.advice.update(r.id, { status: 'withdrawn', closedAt: at });
        await this.dialogue.closeIn(repos, caseId, { reason: 'withdrawn', explanation: t.reason, finalReport: '', closedBy: t.proposedBy, payload: { ...trace, withdrawnInStage: row.stage } }, at, ctx);
        return;
    }
  }
}

function proposed(t: CaseTerminationEntity, approvalId: string): TerminationProposed {
  return { proposalId: t.id, approvalId, kind: t.kind, stage: t.stage, proposedBy: t.proposedBy, proposedAt: t.proposedAt.toISOString() };
}

/** Who closes what the ending made stale: the approver of the ending, naming the proposal. */
function stale(t: CaseTerminationEntity, at: Date, ctx: CommandContext) {
  return { actor: ctx.meta.actor, at, workflowId: ctx.workflowId, requestId: ctx.meta.requestId, idempotencyKey: ctx.idempotencyKey, supersededBy: { kind: t.kind, proposalId: t.id } };
}

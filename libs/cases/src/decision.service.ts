import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DECISION_WORDS,
  DomainError,
  gateNoes,
  gateOverrideProblems,
  proposalProblems,
  stageAfterDecision,
  type ApprovalDecision,
  type DecisionProposal,
} from '@cluster/domain';
import type { ApprovalDecided, DecisionProposed } from '@cluster/contracts';
import { commandRef, Database, type DecisionEntity } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { ApprovalsService } from '@cluster/approvals';
import { handler, newTask } from './tasks';
import { lockCaseFor, type CommandContext } from './case-lock';

/**
 * The government decision (DOMAIN.md step 4): a case handler proposes it, addressing each
 * council's advice (or its lapse); an approver who is not the proposer approves it or sends it
 * back. Approval moves the case on (test trajectory, or closed for a rejection).
 */
@Injectable()
export class DecisionService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
  ) {}

  async propose(caseId: string, proposal: DecisionProposal, ctx: CommandContext): Promise<DecisionProposed> {
    return this.db.once(commandRef(ctx, caseId, 'proposeDecision'), async (repos) => {
      const previous = await repos.decisions.findByKey(ctx.idempotencyKey);
      if (previous) return proposed(previous, (await repos.approvals.bySubject('decision', previous.id))!.id);
      const row = await lockCaseFor(repos, caseId, 'proposeDecision');
      const round = await repos.advice.lastRound(caseId);
      const councils = (await repos.advice.round(caseId, round)).map((r) => r.councilCode);
      // The gate answers of the roadmap version under decision: a "no" binds unless overridden.
      const noes = gateNoes(await repos.assessments.assessments(caseId, row.submittedRoadmapVersion ?? 0));
      const problems = [...proposalProblems(councils, proposal), ...gateOverrideProblems(proposal, noes)];
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'Het voorstel van beslissing is niet volledig; vul de velden aan die hieronder genoemd worden. / The proposal is not complete.', problems);
      const open = (await repos.decisions.forCase(caseId)).find((d) => d.status === 'proposed');
      if (open) throw new DomainError('CONFLICT', `Versie ${open.version} van het voorstel van beslissing wacht nog op goedkeuring; wacht de beslissing van de goedkeurder af. / Decision version ${open.version} still awaits approval.`);

      const now = new Date();
      const decision: DecisionEntity = {
        id: randomUUID(),
        caseId,
        version: (await repos.decisions.forCase(caseId)).length + 1,
        outcome: proposal.outcome,
        rationale: proposal.rationale,
        conditions: proposal.conditions ?? null,
        considerations: proposal.considerations,
        gateOverride: proposal.gateOverride ? { justification: proposal.gateOverride.justification.trim(), overrides: noes } : null,
        proposedBy: ctx.meta.actor.userId,
        proposedAt: now,
        status: 'proposed',
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.decisions.insert(decision);
      await repos.tasks.close(caseId, 'decision_proposal');
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'decision.proposed',
        caseId,
        reason: proposal.rationale,
        payload: {
          decisionId: decision.id,
          version: decision.version,
          outcome: decision.outcome,
          conditions: decision.conditions,
          considerations: decision.considerations,
          gateOverride: decision.gateOverride,
          // What the proposal rests on: the roadmap version and the advice round it answers.
          roadmapVersion: row.submittedRoadmapVersion,
          adviceRound: round,
          stage: row.stage,
        },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      const approval = await this.approvals.request(
        repos,
        { caseId, subjectType: 'decision', subjectId: decision.id, summary: decisionSummary(decision), requestedBy: ctx.meta.actor, at: now },
        { workflowId: ctx.workflowId, requestId: ctx.meta.requestId },
      );
      return proposed(decision, approval.id);
    });
  }

  /** The approver's four-eyes decision on a proposal. */
  async decideApproval(caseId: string, approvalId: string, decision: ApprovalDecision, comment: string, ctx: CommandContext): Promise<ApprovalDecided> {
    return this.db.once(commandRef(ctx, caseId, 'decideApproval'), async (repos) => {
      const existing = await repos.approvals.findById(approvalId);
      if (!existing || existing.caseId !== caseId || existing.subjectType !== 'decision') {
        throw new DomainError('NOT_FOUND', `Goedkeuring ${approvalId} bestaat niet voor dit dossier. / Approval ${approvalId} does not exist for this case.`);
      }
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) {
        const row = await repos.cases.findById(caseId);
        return { approvalId, decision, stage: row!.stage };
      }
      const row = await lockCaseFor(repos, caseId, 'decideApproval');
      const now = new Date();
      const approval = await this.approvals.decide(repos, approvalId, ctx.meta.actor, decision, comment, { at: now, ...ctx, requestId: ctx.meta.requestId });
      const proposal = (await repos.decisions.findById(approval.subjectId))!;
      if (decision === 'send_back') {
        await repos.decisions.update(proposal.id, { status: 'sent_back' });
        await repos.tasks.open(newTask(caseId, 'decision_proposal', handler(proposal.proposedBy), now));
        return { approvalId, decision, stage: row.stage };
      }
      const stage = stageAfterDecision(proposal.outcome);
      await repos.decisions.update(proposal.id, { status: 'approved' });
      await repos.cases.update(caseId, { stage, updatedAt: now });
      if (stage === 'closed') await repos.tasks.closeAllForCase(caseId);
      else await repos.tasks.open(newTask(caseId, 'trajectory_plan', handler((await repos.cases.findById(caseId))!.accountManagerId), now));
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'decision.approved',
        caseId,
        reason: comment,
        // An approved override is approved here, by this second person: the trail says so.
        payload: { decisionId: proposal.id, version: proposal.version, outcome: proposal.outcome, proposedBy: proposal.proposedBy, approvalId, stage, gateOverride: proposal.gateOverride ?? null },
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        occurredAt: now,
      });
      return { approvalId, decision, stage };
    });
  }

  list(caseId: string): Promise<DecisionEntity[]> {
    return this.db.read((repos) => repos.decisions.forCase(caseId));
  }
}

/** What the approver reads in the inbox: the outcome, and an override of a "no" gate answer in so many words. */
export function decisionSummary(d: Pick<DecisionEntity, 'version' | 'outcome' | 'gateOverride'>): string {
  const words = DECISION_WORDS[d.outcome];
  const [nl, en] = [`Beslissing v${d.version}: ${words.nl}`, `Decision v${d.version}: ${words.en}`];
  if (!d.gateOverride) return `${nl} / ${en}`;
  const codes = [...new Set(d.gateOverride.overrides.map((o) => o.code))].join(', ');
  return (
    `${nl}. Wijkt af van poortvraag ${codes} (beantwoord met "nee"); wie goedkeurt, keurt de afwijking mee goed. Motivering: ${d.gateOverride.justification} / ` +
    `${en}. Overrides gate question ${codes} (answered "no"); approving approves the override too.`
  );
}

function proposed(d: DecisionEntity, approvalId: string): DecisionProposed {
  return { decisionId: d.id, version: d.version, approvalId, proposedBy: d.proposedBy };
}

import { alreadyDecided } from '@cluster/approvals';
import { Injectable } from '@nestjs/common';
import {
  assignAssessorsUpdate,
  concludeAssessmentUpdate,
  decideApprovalUpdate,
  decideReleaseUpdate,
  declareConflictUpdate,
  decideTerminationUpdate,
  proposeDecisionUpdate,
  proposeTerminationUpdate,
  submitAdviceUpdate,
  submitAssessmentUpdate,
  submitRoadmapUpdate,
} from '@cluster/contracts';
import { DomainError, decidingAction, isTerminationKind, permitted, type Action, type CaseView, type Role, type TerminationKind } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf, CaseUpdates, type RequestContext } from '../cases/case-updates.service';
import type { AdviceDto, ApprovalDecisionDto, AssessmentDto, AssignAssessorsDto, ConclusionDto, ConflictDeclarationDto, DecisionProposalDto } from './process.dto';

/**
 * The API's side of the first half of the process: who may act on which case (and which council's
 * request), then one update on the case workflow. The workflow checks the stage; the services
 * check again in the database.
 */
@Injectable()
export class ProcessCommands {
  constructor(
    private readonly cases: CaseAccess,
    private readonly updates: CaseUpdates,
    private readonly db: Database,
  ) {}

  private meta(ctx: RequestContext, reason?: string, role = ctx.actingRole) {
    return { actor: actorOf(ctx, role), requestId: ctx.requestId, reason };
  }

  async submitRoadmap(ctx: RequestContext, caseId: string, reason?: string) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, 'submitRoadmap');
    return this.updates.send(view.workflowId, submitRoadmapUpdate, { meta: this.meta(ctx, reason, role) }, ctx.requestId);
  }

  async assignAssessors(ctx: RequestContext, caseId: string, dto: AssignAssessorsDto) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, 'assignAssessors');
    return this.updates.send(view.workflowId, assignAssessorsUpdate, { meta: this.meta(ctx, dto.reason, role), assessorIds: dto.assessorIds }, ctx.requestId);
  }

  async declareConflict(ctx: RequestContext, caseId: string, dto: ConflictDeclarationDto) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, 'declareConflict');
    return this.updates.send(view.workflowId, declareConflictUpdate, { meta: this.meta(ctx, dto.note, role), hasConflict: dto.hasConflict, note: dto.note }, ctx.requestId);
  }

  async submitAssessment(ctx: RequestContext, caseId: string, dto: AssessmentDto) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, 'submitAssessment');
    return this.updates.send(view.workflowId, submitAssessmentUpdate, { meta: this.meta(ctx, undefined, role), content: dto }, ctx.requestId);
  }

  /** A rejection is a proposal (four eyes): `proposed` says so, and nothing changed yet. */
  async conclude(ctx: RequestContext, caseId: string, dto: ConclusionDto) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, dto.outcome === 'reject' ? 'proposeAssessmentRejection' : 'concludeAssessment');
    if (dto.outcome === 'reject') return { proposed: await this.proposeTermination(ctx, view, 'assessment_rejection', dto.remarks, undefined, role) };
    return { concluded: await this.updates.send(view.workflowId, concludeAssessmentUpdate, { meta: this.meta(ctx, dto.remarks, role), outcome: dto.outcome, remarks: dto.remarks }, ctx.requestId) };
  }

  /**
   * A withdrawal, in any stage before closure: by the case's account manager or one of its own
   * cluster representatives (the cluster may withdraw its candidacy); an approver decides.
   */
  async withdraw(ctx: RequestContext, caseId: string, reason: string) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, 'withdrawCase');
    return this.proposeTermination(ctx, view, 'case_withdrawal', reason, undefined, role);
  }

  /** Records the proposal and its approval; the stage stays as it is until an approver approves. */
  proposeTermination(ctx: RequestContext, view: CaseView, kind: TerminationKind, reason: string, finalReport: string | undefined, role: Role) {
    return this.updates.send(view.workflowId, proposeTerminationUpdate, { meta: this.meta(ctx, reason, role), kind, reason, ...(finalReport ? { finalReport } : {}) }, ctx.requestId);
  }

  /** A council member answers only their own council's request. */
  async submitAdvice(ctx: RequestContext, requestId: string, dto: AdviceDto) {
    const request = await this.db.read((repos) => repos.advice.findById(requestId));
    if (!request) throw new DomainError('NOT_FOUND', `Adviesverzoek ${requestId} bestaat niet; kies het verzoek in het adviesportaal. / Advice request ${requestId} does not exist.`);
    const role = permitted(ctx.principal, 'submitAdvice', { councilCode: request.councilCode });
    const view = await this.db.read((repos) => repos.cases.findById(request.caseId));
    return this.updates.send(
      view!.workflowId,
      submitAdviceUpdate,
      { meta: this.meta(ctx, undefined, role), councilCode: request.councilCode, position: dto.position, text: dto.text },
      ctx.requestId,
    );
  }

  async proposeDecision(ctx: RequestContext, caseId: string, dto: DecisionProposalDto) {
    const { view, role } = await this.cases.authorised(ctx.principal, caseId, 'proposeDecision');
    return this.updates.send(view.workflowId, proposeDecisionUpdate, { meta: this.meta(ctx, dto.rationale, role), proposal: dto }, ctx.requestId);
  }

  async decideApproval(ctx: RequestContext, approvalId: string, dto: ApprovalDecisionDto) {
    const approval = await this.db.read((repos) => repos.approvals.findById(approvalId));
    if (!approval) throw new DomainError('NOT_FOUND', `Goedkeuring ${approvalId} bestaat niet; kies ze in de lijst van goedkeuringen. / Approval ${approvalId} does not exist.`);
    // Four eyes, first check: the requester never decides their own request (403).
    const action: Action = decidingAction(approval.subjectType);
    const role = permitted(ctx.principal, action, { requestedBy: approval.requestedBy });
    // Decided already (a colleague was quicker): say by whom and when, before the case process is asked.
    if (approval.status !== 'pending') throw new DomainError('CONFLICT', await this.db.read((repos) => alreadyDecided(repos, approval)));
    if (!approval.caseId) {
      throw new DomainError(
        'FORBIDDEN',
        'Een nieuwe versie van de referentiegegevens keurt een tweede beheerder goed, onder Beheer. / A new version of the reference data is approved by a second administrator, under Admin.',
      );
    }
    const view = await this.db.read((repos) => repos.cases.findById(approval.caseId!));
    const arg = { meta: this.meta(ctx, dto.comment, role), approvalId, decision: dto.decision, comment: dto.comment };
    // One inbox of approvals; each kind goes to the update that owns it.
    if (approval.subjectType === 'budget_release') return this.updates.send(view!.workflowId, decideReleaseUpdate, arg, ctx.requestId);
    if (isTerminationKind(approval.subjectType)) {
      // The chain head in the result is for the workflow to keep; the answer says what was decided.
      const { approvalId: id, kind, decision, stage } = await this.updates.send(view!.workflowId, decideTerminationUpdate, arg, ctx.requestId);
      return { approvalId: id, kind, decision, stage };
    }
    return this.updates.send(view!.workflowId, decideApprovalUpdate, arg, ctx.requestId);
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApprovalsService } from '@cluster/approvals';
import { AuditService, documentSha256 } from '@cluster/audit';
import { DomainError, refusalText, RULES, selectionOutcomes, selectionProblems, type Actor, type ApprovalDecision, type SelectionProposal } from '@cluster/domain';
import { Database, type CallEntity, type CallSelectionEntity, type Repositories } from '@cluster/persistence';
import { compareCandidates, type CandidateComparison } from './candidate-comparison';

/** Where a call command comes from: its workflow and update, so a retried activity applies once. */
export interface CallCommandContext {
  actor: Actor;
  requestId: string;
  workflowId: string;
  idempotencyKey: string;
}

export interface SelectionProposed {
  selectionId: string;
  approvalId: string;
  comparisonSha256: string;
  status: 'proposed';
}

export interface SelectionDecided {
  selectionId: string;
  status: 'approved' | 'sent_back';
  /** What the approval does to each candidate still running (empty when sent back). */
  outcomes: { caseId: string; outcome: 'selected' | 'not_selected'; reason: string }[];
}

export interface SelectionView {
  id: string;
  status: CallSelectionEntity['status'];
  selected: string[];
  notSelected: { caseId: string; reason: string }[];
  outcomes: CallSelectionEntity['outcomes'];
  reason: string;
  comparisonSha256: string;
  /** The candidates side by side as the proposer saw them (its SHA-256 above, in canonical JSON). */
  comparison: object;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  approvalId: string | null;
}

const callNotFound = (id: string) => new DomainError('NOT_FOUND', `Oproep ${id} bestaat niet; kies ze in de lijst van oproepen. / Call ${id} does not exist.`);

/**
 * The selection of a call's candidates (libs/domain/src/selection.ts), four eyes: a policy owner
 * proposes on the comparison as it stands (kept with its hash), an approver other than the
 * proposer approves or sends it back. Both in the system audit stream, each in the transaction
 * that makes it; what an approval does to each case is applied by the case's own workflow.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
  ) {}

  async comparison(callId: string): Promise<CandidateComparison> {
    return this.db.read(async (repos) => compareCandidates(repos, await this.call(repos, callId), new Date()));
  }

  async list(callId: string): Promise<SelectionView[]> {
    return this.db.read(async (repos) => {
      await this.call(repos, callId);
      const rows = await repos.calls.selections(callId);
      return Promise.all(rows.map(async (s) => viewOf(s, (await repos.approvals.bySubject('call_selection', s.id))?.id ?? null)));
    });
  }

  /** The call a proposed selection belongs to, or null when there is no such proposal. */
  async callOf(selectionId: string): Promise<string | null> {
    return (await this.db.read((repos) => repos.calls.selectionById(selectionId)))?.callId ?? null;
  }

  /** The checks of `propose`, read-only: what the API asks before it involves the call's process. */
  async checkProposal(callId: string, p: SelectionProposal): Promise<void> {
    await this.db.read(async (repos) => refusedOrCompared(repos, await this.call(repos, callId), p, new Date()));
  }

  async propose(callId: string, p: SelectionProposal, ctx: CallCommandContext): Promise<SelectionProposed> {
    return this.db.transaction(async (repos) => {
      const call = await this.lockedCall(repos, callId);
      const earlier = await repos.calls.selectionByKey(ctx.idempotencyKey);
      if (earlier) return proposed(earlier, (await repos.approvals.bySubject('call_selection', earlier.id))!.id);
      const at = new Date();
      const comparison = await refusedOrCompared(repos, call, p, at);
      const comparisonSha256 = documentSha256(comparison);
      const row: CallSelectionEntity = {
        id: randomUUID(),
        callId,
        status: 'proposed',
        selected: p.selected,
        notSelected: p.notSelected.map((n) => ({ caseId: n.caseId, reason: n.reason.trim() })),
        outcomes: selectionOutcomes(p, comparison.candidates),
        reason: p.reason.trim(),
        comparison,
        comparisonSha256,
        proposedBy: ctx.actor.userId,
        proposedAt: at,
        decidedBy: null,
        decidedAt: null,
        comment: null,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.calls.insertSelection(row);
      await this.audit.append(repos, {
        actor: ctx.actor,
        action: 'call.selection_proposed',
        caseId: null,
        reason: row.reason,
        payload: { callId, selectionId: row.id, selected: row.selected, notSelected: row.notSelected, outcomes: row.outcomes, comparisonSha256 },
        documentHashes: [comparisonSha256],
        requestId: ctx.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: at,
      });
      const names = new Map(comparison.candidates.map((c) => [c.caseId, c.clusterName]));
      const approval = await this.approvals.request(
        repos,
        {
          caseId: null,
          subjectType: 'call_selection',
          subjectId: row.id,
          summary: `Selectie voor de oproep "${call.title}": ${row.selected.map((id) => names.get(id)).join(', ') || 'geen'} / Selection for the call "${call.title}"`,
          requestedBy: ctx.actor,
          at,
        },
        { workflowId: ctx.workflowId, requestId: ctx.requestId },
      );
      return proposed(row, approval.id);
    });
  }

  /** The approver's decision; the proposer is refused (403), a decided proposal is a 409. */
  async decide(callId: string, selectionId: string, decision: ApprovalDecision, comment: string, ctx: CallCommandContext): Promise<SelectionDecided> {
    return this.db.transaction(async (repos) => {
      const call = await this.lockedCall(repos, callId);
      const s = await repos.calls.selectionById(selectionId);
      if (!s || s.callId !== callId) throw new DomainError('NOT_FOUND', `Voorstel van selectie ${selectionId} bestaat niet voor deze oproep. / Proposed selection ${selectionId} does not exist for this call.`);
      const decidedBefore = (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) !== null;
      if (decidedBefore) return decided(s);
      if (s.proposedBy === ctx.actor.userId) throw new DomainError('FORBIDDEN', refusalText(RULES.decideSelection.refusal));
      const approval = (await repos.approvals.bySubject('call_selection', s.id))!;
      const at = new Date();
      await this.approvals.decide(repos, approval.id, ctx.actor, decision, comment, { at, workflowId: ctx.workflowId, requestId: ctx.requestId, idempotencyKey: `${ctx.idempotencyKey}:approval` });
      const status = decision === 'approve' ? 'approved' : 'sent_back';
      await repos.calls.updateSelection(s.id, { status, decidedBy: ctx.actor.userId, decidedAt: at, comment });
      if (status === 'approved') await repos.calls.update(callId, { status: 'selection_decided' });
      await this.audit.append(repos, {
        actor: ctx.actor,
        action: status === 'approved' ? 'call.selection_approved' : 'call.selection_sent_back',
        caseId: null,
        reason: comment,
        payload: { callId, title: call.title, selectionId: s.id, proposedBy: s.proposedBy, outcomes: status === 'approved' ? s.outcomes : [], comparisonSha256: s.comparisonSha256 },
        documentHashes: [s.comparisonSha256],
        requestId: ctx.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: at,
      });
      return decided({ ...s, status });
    });
  }

  private async call(repos: Repositories, callId: string): Promise<CallEntity> {
    const call = await repos.calls.findById(callId);
    if (!call) throw callNotFound(callId);
    return call;
  }

  private async lockedCall(repos: Repositories, callId: string): Promise<CallEntity> {
    const call = await repos.calls.findByIdForUpdate(callId);
    if (!call) throw callNotFound(callId);
    return call;
  }
}

/**
 * Why a proposal cannot be made now (409 or 400 in words), or the comparison it is made on. The
 * API asks it before it sends the proposal to the call's process, so a refused proposal leaves no
 * remembered answer there and can be corrected and sent again under the same request id; the
 * proposal asks it again under the call's lock.
 */
async function refusedOrCompared(repos: Repositories, call: CallEntity, p: SelectionProposal, at: Date): Promise<CandidateComparison> {
  if (call.status === 'selection_decided') throw new DomainError('CONFLICT', `De selectie van de oproep "${call.title}" is al goedgekeurd. / The selection of the call "${call.title}" was approved already.`);
  if ((await repos.calls.selections(call.id)).some((s) => s.status === 'proposed')) {
    throw new DomainError('CONFLICT', 'Er wacht al een voorstel van selectie op goedkeuring; wacht op die beslissing. / A proposed selection already awaits approval; wait for that decision.');
  }
  const comparison = await compareCandidates(repos, call, at);
  if (comparison.notReady) throw new DomainError('STAGE_CONFLICT', comparison.notReady);
  const problems = selectionProblems(p, comparison.candidates, call.maxSelected);
  if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De selectie is niet volledig of niet juist; zie de velden. / The selection is incomplete or wrong; see the fields.', problems);
  return comparison;
}

function proposed(s: CallSelectionEntity, approvalId: string): SelectionProposed {
  return { selectionId: s.id, approvalId, comparisonSha256: s.comparisonSha256, status: 'proposed' };
}

function decided(s: CallSelectionEntity): SelectionDecided {
  const status = s.status === 'approved' ? 'approved' : 'sent_back';
  return { selectionId: s.id, status, outcomes: status === 'approved' ? s.outcomes : [] };
}

function viewOf(s: CallSelectionEntity, approvalId: string | null): SelectionView {
  return {
    id: s.id,
    status: s.status,
    selected: s.selected,
    notSelected: s.notSelected,
    outcomes: s.outcomes,
    reason: s.reason,
    comparisonSha256: s.comparisonSha256,
    comparison: s.comparison,
    proposedBy: s.proposedBy,
    proposedAt: s.proposedAt.toISOString(),
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    comment: s.comment,
    approvalId,
  };
}

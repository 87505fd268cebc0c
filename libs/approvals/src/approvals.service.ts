import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, STALE_APPROVAL_STATUS, staleReason, staleReleaseStatus, type Actor, type ApprovalDecision, type StaleCause } from '@cluster/domain';
import type { ApprovalEntity, ApprovalSubject, Repositories } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';

export interface ApprovalRequest {
  /** Null only for what belongs to no case (a policy version): its approval is in the system stream. */
  caseId: string | null;
  subjectType: ApprovalSubject;
  subjectId: string;
  summary: string;
  requestedBy: Actor;
  at: Date;
}

/**
 * Four eyes for anything (a government decision, a budget release): a request waits for an
 * approver who is not the requester. Enforced here, in the workflow that calls it and by the
 * database (CHECK approvals_four_eyes). Runs inside the caller's transaction, so the approval and
 * the change it gates commit together.
 */
@Injectable()
export class ApprovalsService {
  constructor(private readonly audit: AuditService) {}

  async request(repos: Repositories, r: ApprovalRequest, audit: { workflowId: string | null; requestId: string }): Promise<ApprovalEntity> {
    const row: ApprovalEntity = {
      id: randomUUID(),
      caseId: r.caseId,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      summary: r.summary,
      requestedBy: r.requestedBy.userId,
      requestedAt: r.at,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      comment: null,
    };
    await repos.approvals.insert(row);
    // Inbox tasks belong to a case; a policy version waits on the administrators' own screen.
    if (r.caseId) await repos.tasks.open({
      id: randomUUID(),
      caseId: r.caseId,
      kind: 'approval',
      assigneeRole: 'approver',
      assigneeRef: null,
      subjectId: row.id,
      dueAt: null,
      createdAt: r.at,
    });
    await this.audit.append(repos, {
      actor: r.requestedBy,
      action: 'approval.requested',
      caseId: r.caseId,
      payload: { approvalId: row.id, subjectType: r.subjectType, subjectId: r.subjectId, summary: r.summary },
      workflowId: audit.workflowId,
      requestId: audit.requestId,
      occurredAt: r.at,
    });
    return row;
  }

  /** Records the approver's decision; refuses the requester (403) and a decided request (409). */
  async decide(
    repos: Repositories,
    approvalId: string,
    approver: Actor,
    decision: ApprovalDecision,
    comment: string,
    ctx: { at: Date; workflowId: string | null; requestId: string; idempotencyKey: string },
  ): Promise<ApprovalEntity> {
    const row = await repos.approvals.findForUpdate(approvalId);
    if (!row) throw new DomainError('NOT_FOUND', `Goedkeuring ${approvalId} bestaat niet; kies ze in de lijst van goedkeuringen. / Approval ${approvalId} does not exist.`);
    assertFourEyes(row.requestedBy, approver.userId);
    if (row.status !== 'pending') throw new DomainError('CONFLICT', await alreadyDecided(repos, row));
    const status = decision === 'approve' ? 'approved' : 'sent_back';
    await repos.approvals.update(approvalId, { status, decidedBy: approver.userId, decidedAt: ctx.at, comment });
    if (row.caseId) await repos.tasks.close(row.caseId, 'approval', { subjectId: approvalId });
    await this.audit.append(repos, {
      actor: approver,
      action: decision === 'approve' ? 'approval.approved' : 'approval.sent_back',
      caseId: row.caseId,
      reason: comment,
      payload: { approvalId, subjectType: row.subjectType, subjectId: row.subjectId, requestedBy: row.requestedBy },
      workflowId: ctx.workflowId,
      requestId: ctx.requestId,
      idempotencyKey: ctx.idempotencyKey,
      occurredAt: ctx.at,
    });
    return { ...row, status, decidedBy: approver.userId, decidedAt: ctx.at, comment };
  }

  /**
   * Closes a pending approval that can no longer succeed (libs/domain stale-approval.ts): out of
   * every inbox, its reason on the approval and in `approval.superseded`, its subject closed too.
   * Inside the caller's transaction, so it commits with the change that made it stale.
   */
  async supersede(
    repos: Repositories,
    a: ApprovalEntity,
    cause: StaleCause,
    ctx: { actor: Actor; at: Date; workflowId: string | null; requestId: string; idempotencyKey: string; supersededBy?: Record<string, unknown> },
  ): Promise<void> {
    const reason = staleReason(cause);
    await repos.approvals.update(a.id, { status: STALE_APPROVAL_STATUS, decidedAt: ctx.at, comment: reason });
    if (a.subjectType === 'decision') await repos.decisions.update(a.subjectId, { status: 'superseded' });
    if (a.subjectType === 'budget_release') await repos.budget.updateRelease(a.subjectId, { status: staleReleaseStatus(cause) });
    if (a.caseId) await repos.tasks.close(a.caseId, 'approval', { subjectId: a.id }, 'cancelled');
    await this.audit.append(repos, {
      actor: ctx.actor,
      action: 'approval.superseded',
      caseId: a.caseId,
      reason,
      payload: { approvalId: a.id, subjectType: a.subjectType, subjectId: a.subjectId, requestedBy: a.requestedBy, cause: cause.kind, ...(ctx.supersededBy ? { supersededBy: ctx.supersededBy } : {}) },
      requestId: ctx.requestId,
      workflowId: ctx.workflowId,
      idempotencyKey: `${ctx.idempotencyKey}:superseded:${a.id}`,
      occurredAt: ctx.at,
    });
  }

  /** Every pending approval of a case that closes (withdrawn or otherwise): none of it can succeed. */
  async supersedePendingOf(repos: Repositories, caseId: string, cause: StaleCause, ctx: Parameters<ApprovalsService['supersede']>[3]): Promise<void> {
    for (const a of await repos.approvals.pendingForCase(caseId)) await this.supersede(repos, a, cause, ctx);
  }
}

export function assertFourEyes(requestedBy: string, approverId: string): void {
  if (requestedBy === approverId) {
    throw new DomainError('FORBIDDEN', 'Vier ogen: niemand keurt zijn eigen voorstel goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own request; another approver must decide.');
  }
}

const WHEN = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const DONE: Record<string, { nl: string; en: string }> = {
  approved: { nl: 'goedgekeurd', en: 'approved' },
  sent_back: { nl: 'teruggestuurd', en: 'sent back' },
  superseded: { nl: 'vervallen', en: 'closed without a decision' },
};

/** What the loser of a race reads: who decided it and when, in words (Brussels time). */
export async function alreadyDecided(repos: Repositories, row: ApprovalEntity): Promise<string> {
  const by = row.decidedBy ? ((await repos.users.findById(row.decidedBy))?.displayName ?? null) : null;
  const [date, time] = row.decidedAt ? WHEN.format(row.decidedAt).split(/,?\s+/) : ['', ''];
  const done = DONE[row.status] ?? { nl: row.status, en: row.status };
  const nl = `Hierover is al beslist: ${done.nl}${by ? ` door ${by}` : ''}${date ? ` op ${date} om ${time}` : ''}. Er is niets meer te doen.`;
  const en = `This was already decided: ${done.en}${by ? ` by ${by}` : ''}${date ? ` on ${date} at ${time}` : ''}. Nothing is left to do.`;
  return `${nl} / ${en}`;
}

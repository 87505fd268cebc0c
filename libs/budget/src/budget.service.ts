import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, releaseStillFits, type Actor, type ApprovalDecision } from '@cluster/domain';
import { commandRef, Database, type BudgetReleaseEntity, type Repositories } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { ApprovalsService } from '@cluster/approvals';

export interface InstrumentBudget {
  instrumentCode: string;
  earmarkedCents: number;
  /** Requested and still awaiting approval. */
  requestedCents: number;
  /** Approved (and therefore booked: approval and booking commit together). */
  approvedCents: number;
  releasedCents: number;
  remainingCents: number;
}

export interface ReleaseRequest {
  instrumentCode: string;
  amountCents: number;
  justification: string;
  /** The milestone or dialogue outcome the release rests on. */
  basis: string;
}

export interface BudgetContext {
  actor: Actor;
  requestId: string;
  workflowId: string | null;
  /** Unique per command: a retried activity finds its result instead of booking twice. */
  idempotencyKey: string;
}

/**
 * The budget ledger of a case: earmarks per instrument, tranche releases approved with four eyes
 * and booked exactly once. "Released ≤ earmarked" is enforced by the database (see the budget
 * migration); this service turns a refusal into a clear 409.
 */
@Injectable()
export class BudgetService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
  ) {}

  /** Books an earmark (when the partnership agreement is signed) or gives unused earmark back. */
  async earmark(caseId: string, instrumentCode: string, amountCents: number, kind: 'earmark' | 'unearmark', reference: string, ctx: BudgetContext): Promise<void> {
    await this.db.transaction((repos) => this.earmarkIn(repos, caseId, instrumentCode, amountCents, kind, reference, ctx));
  }

  /** The same, inside the caller's transaction (the agreement's last signature books its earmarks). */
  async earmarkIn(
    repos: Repositories,
    caseId: string,
    instrumentCode: string,
    amountCents: number,
    kind: 'earmark' | 'unearmark',
    reference: string,
    ctx: BudgetContext,
  ): Promise<void> {
    assertCents(amountCents, 'amountCents');
    if (await repos.budget.movementByKey(ctx.idempotencyKey)) return;
    await repos.budget
      .book({
        id: randomUUID(),
        caseId,
        instrumentCode,
        kind,
        amountCents,
        releaseId: null,
        reference,
        createdBy: ctx.actor.userId,
        createdAt: new Date(),
        idempotencyKey: ctx.idempotencyKey,
      })
      .catch(overEarmark);
    await this.audit.append(repos, {
      actor: ctx.actor,
      action: kind === 'earmark' ? 'budget.earmarked' : 'budget.earmark_released',
      caseId,
      payload: { instrumentCode, amountCents, reference },
      requestId: ctx.requestId,
      workflowId: ctx.workflowId,
      idempotencyKey: `audit:${ctx.idempotencyKey}`,
    });
  }

  /** Requests a tranche; it waits for a budget holder who is not the requester. */
  async requestRelease(caseId: string, r: ReleaseRequest, ctx: BudgetContext): Promise<{ releaseId: string; approvalId: string }> {
    assertCents(r.amountCents, 'amountCents');
    return this.db.once(commandRef(ctx, caseId, 'requestRelease'), async (repos) => {
      const previous = await repos.budget.releaseByKey(ctx.idempotencyKey);
      if (previous) return { releaseId: previous.id, approvalId: previous.approvalId! };
      const line = await repos.budget.line(caseId, r.instrumentCode);
      if (!line || line.earmarkedCents === 0) {
        throw new DomainError('VALIDATION_FAILED', 'Voor dit instrument is niets gereserveerd. / Nothing is earmarked for this instrument.', [{ field: 'instrumentCode', messages: [`Voor ${r.instrumentCode} is niets gereserveerd in de overeenkomst. / no earmark for ${r.instrumentCode}`] }]);
      }
      if (r.amountCents > line.earmarkedCents - line.releasedCents) {
        throw new DomainError('CONFLICT', `De schijf is groter dan wat van de reservering overblijft (${formatEuro(line.earmarkedCents - line.releasedCents)}); vraag hoogstens dat bedrag. / The tranche exceeds the remaining earmark (${formatEuro(line.earmarkedCents - line.releasedCents)}).`);
      }
      const now = new Date();
      const release: BudgetReleaseEntity = {
        id: randomUUID(),
        caseId,
        instrumentCode: r.instrumentCode,
        amountCents: r.amountCents,
        justification: r.justification,
        basis: r.basis,
        requestedBy: ctx.actor.userId,
        requestedAt: now,
        status: 'requested',
        approvalId: null,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.budget.insertRelease(release);
      const approval = await this.approvals.request(
        repos,
        { caseId, subjectType: 'budget_release', subjectId: release.id, summary: `Vrijgave ${r.instrumentCode} ${formatEuro(r.amountCents)} / Release ${r.instrumentCode} ${formatEuro(r.amountCents)}`, requestedBy: ctx.actor, at: now },
        { workflowId: ctx.workflowId ?? '', requestId: ctx.requestId },
      );
      await repos.budget.updateRelease(release.id, { approvalId: approval.id });
      await this.audit.append(repos, {
        actor: ctx.actor,
        action: 'budget.release_requested',
        caseId,
        reason: r.justification,
        payload: { releaseId: release.id, approvalId: approval.id, instrumentCode: r.instrumentCode, amountCents: r.amountCents, basis: r.basis, stage: await stageOf(repos, caseId) },
        requestId: ctx.requestId,
        workflowId: ctx.workflowId,
        // The command's key: the trail names the workflow update it came from.
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return { releaseId: release.id, approvalId: approval.id };
    });
  }

  /**
   * The budget holder's decision. Approval books the release in the same transaction, exactly once
   * (the movement names the release, which the database allows once); if it would exceed the
   * earmark, nothing commits and the approver gets 409.
   */
  async decideRelease(caseId: string, approvalId: string, decision: ApprovalDecision, comment: string, ctx: BudgetContext): Promise<{ releaseId: string; status: BudgetReleaseEntity['status'] }> {
    return this.db.once(commandRef(ctx, caseId, 'decideRelease'), async (repos) => {
      // One release decision of a case at a time: an approval may refuse other pending releases.
      await this.audit.serialiseCase(repos, caseId);
      const approval = await repos.approvals.findById(approvalId);
      if (!approval || approval.caseId !== caseId || approval.subjectType !== 'budget_release') {
        throw new DomainError('NOT_FOUND', `Goedkeuring ${approvalId} bestaat niet voor dit dossier. / Approval ${approvalId} does not exist for this case.`);
      }
      const release = (await repos.budget.releaseById(approval.subjectId))!;
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return { releaseId: release.id, status: release.status };
      const now = new Date();
      await this.approvals.decide(repos, approvalId, ctx.actor, decision, comment, { at: now, workflowId: ctx.workflowId ?? '', requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey });
      if (decision === 'send_back') {
        await repos.budget.updateRelease(release.id, { status: 'sent_back' });
        return { releaseId: release.id, status: 'sent_back' as const };
      }
      const movementId = randomUUID();
      await repos.budget.book({
        id: movementId,
        caseId,
        instrumentCode: release.instrumentCode,
        kind: 'release',
        amountCents: release.amountCents,
        releaseId: release.id,
        reference: release.basis,
        createdBy: ctx.actor.userId,
        createdAt: now,
        idempotencyKey: `release:${release.id}`,
      }).catch(overEarmark);
      await repos.budget.updateRelease(release.id, { status: 'approved' });
      await this.audit.append(repos, {
        actor: ctx.actor,
        action: 'budget.released',
        caseId,
        reason: comment,
        payload: {
          releaseId: release.id,
          instrumentCode: release.instrumentCode,
          amountCents: release.amountCents,
          requestedBy: release.requestedBy,
          movementId,
          stage: await stageOf(repos, caseId),
        },
        requestId: ctx.requestId,
        workflowId: ctx.workflowId,
        occurredAt: now,
      });
      await this.refuseWhatNoLongerFits(repos, caseId, release.instrumentCode, { actor: ctx.actor, at: now, workflowId: ctx.workflowId, requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey });
      return { releaseId: release.id, status: 'approved' as const };
    });
  }

  /**
   * After a booking, a pending release of the same instrument that no longer fits what is left of
   * the earmark can never be approved: it leaves the approvers' inboxes now, refused with the sums
   * in words, rather than waiting for an approver to run into a 409.
   */
  private async refuseWhatNoLongerFits(repos: Repositories, caseId: string, instrumentCode: string, ctx: Parameters<ApprovalsService['supersede']>[3]): Promise<void> {
    const line = await repos.budget.line(caseId, instrumentCode);
    if (!line) return;
    const remainingCents = line.earmarkedCents - line.releasedCents;
    for (const r of await repos.budget.releases(caseId)) {
      if (r.instrumentCode !== instrumentCode || r.status !== 'requested' || !r.approvalId || releaseStillFits(r.amountCents, remainingCents)) continue;
      const approval = await repos.approvals.findById(r.approvalId);
      if (approval?.status !== 'pending') continue;
      await this.approvals.supersede(repos, approval, { kind: 'no_room', instrumentCode, amountCents: r.amountCents, remainingCents }, ctx);
    }
  }

  /** Per instrument: earmarked, requested, approved, released, remaining — exact cents. */
  async overview(caseId: string): Promise<InstrumentBudget[]> {
    return this.db.read(async (repos) => summarize(repos, caseId));
  }
}

/**
 * The case's budget page: one SQL definition of the figures (case-budget-figures.sql.ts in
 * persistence), which the portfolio overview sums, so both agree to the cent.
 */
async function summarize(repos: Repositories, caseId: string): Promise<InstrumentBudget[]> {
  return repos.budget.figures(caseId);
}

/** The case's stage, recorded in the event so the record can be rebuilt as of any moment. */
async function stageOf(repos: Repositories, caseId: string): Promise<string | null> {
  return (await repos.cases.findById(caseId))?.stage ?? null;
}

function assertCents(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new DomainError('VALIDATION_FAILED', 'Bedragen zijn positieve gehele centen. / Amounts are positive whole cents.', [{ field, messages: [`${field} moet een positief geheel aantal centen zijn. / ${field} must be a positive whole number of cents`] }]);
  }
}

/** The database's CHECK refused it: more would be released than earmarked. */
function overEarmark(error: unknown): never {
  const constraint = (error as { driverError?: { constraint?: string }; constraint?: string })?.driverError?.constraint;
  if (constraint === 'budget_released_within_earmark') {
    throw new DomainError('CONFLICT', 'Deze vrijgave gaat boven de reservering voor het instrument; er is niets geboekt. / This release would exceed the earmark for the instrument; nothing was booked.');
  }
  throw error;
}

const EURO = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });

export function formatEuro(cents: number): string {
  return EURO.format(cents / 100);
}

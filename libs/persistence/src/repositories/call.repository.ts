import type { EntityManager } from 'typeorm';
import { CallEntity, CallSelectionEntity, CaseEntity } from '../entities';

/** Calls for spearhead clusters, and which cases registered to each. */
export class CallRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: CallEntity): Promise<void> {
    await this.m.insert(CallEntity, row);
  }

  findById(id: string): Promise<CallEntity | null> {
    return this.m.findOneBy(CallEntity, { id });
  }

  /** Locked: a call's registration closing, its proposals and their decisions happen one at a time. */
  findByIdForUpdate(id: string): Promise<CallEntity | null> {
    return this.m.findOne(CallEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, changes: Partial<Pick<CallEntity, 'status'>>): Promise<void> {
    await this.m.update(CallEntity, { id }, changes);
  }

  async insertSelection(row: CallSelectionEntity): Promise<void> {
    await this.m.insert(CallSelectionEntity, row);
  }

  async updateSelection(id: string, changes: Partial<Pick<CallSelectionEntity, 'status' | 'decidedBy' | 'decidedAt' | 'comment'>>): Promise<void> {
    await this.m.update(CallSelectionEntity, { id }, changes);
  }

  selectionById(id: string): Promise<CallSelectionEntity | null> {
    return this.m.findOneBy(CallSelectionEntity, { id });
  }

  selectionByKey(idempotencyKey: string): Promise<CallSelectionEntity | null> {
    return this.m.findOneBy(CallSelectionEntity, { idempotencyKey });
  }

  /** Every proposal of a call, newest first. */
  selections(callId: string): Promise<CallSelectionEntity[]> {
    return this.m.find(CallSelectionEntity, { where: { callId }, order: { proposedAt: 'DESC', id: 'ASC' } });
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<CallEntity | null> {
    return this.m.findOneBy(CallEntity, { idempotencyKey });
  }

  /**
   * Newest first, optionally by status as of `now` (a call is closed once its registration moment
   * has passed, whether or not the row says so yet: libs/domain callStatusAt); with the number of
   * cases registered to each.
   */
  async list(o: { status?: CallEntity['status']; now: Date; limit: number; offset: number }): Promise<{ items: (CallEntity & { candidates: number })[]; total: number }> {
    const qb = this.m.createQueryBuilder(CallEntity, 'c').orderBy('c.opened_at', 'DESC').addOrderBy('c.id', 'ASC').take(o.limit).skip(o.offset);
    if (o.status === 'open') qb.where(`c.status = 'open' AND c.registration_closes_at >= :now`, { now: o.now });
    if (o.status === 'registration_closed') qb.where(`(c.status = 'registration_closed' OR c.registration_closes_at < :now)`, { now: o.now });
    const [items, total] = await qb.getManyAndCount();
    const counts = await this.candidateCounts(items.map((c) => c.id));
    return { items: items.map((c) => ({ ...c, candidates: counts.get(c.id) ?? 0 })), total };
  }

  async candidateCounts(callIds: string[]): Promise<Map<string, number>> {
    if (!callIds.length) return new Map();
    const rows: { call_id: string; n: string }[] = await this.m.query(`SELECT call_id, count(*) AS n FROM cases WHERE call_id = ANY($1) GROUP BY call_id`, [callIds]);
    return new Map(rows.map((r) => [r.call_id, Number(r.n)]));
  }

  /** The cases registered to a call, oldest first. */
  candidates(callId: string): Promise<CaseEntity[]> {
    return this.m.find(CaseEntity, { where: { callId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

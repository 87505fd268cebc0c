import type { EntityManager } from 'typeorm';
import { ApprovalEntity, DecisionEntity } from '../entities';

/** An approval as the approvals list shows it: with the names read beside it (null where there is none). */
export interface ApprovalListRow {
  row: ApprovalEntity;
  clusterName: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  callId: string | null;
}

export class DecisionRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: DecisionEntity): Promise<void> {
    await this.m.insert(DecisionEntity, row as never);
  }

  findById(id: string): Promise<DecisionEntity | null> {
    return this.m.findOneBy(DecisionEntity, { id });
  }

  findByKey(idempotencyKey: string): Promise<DecisionEntity | null> {
    return this.m.findOneBy(DecisionEntity, { idempotencyKey });
  }

  forCase(caseId: string): Promise<DecisionEntity[]> {
    return this.m.find(DecisionEntity, { where: { caseId }, order: { version: 'ASC' } });
  }

  async update(id: string, changes: Partial<Pick<DecisionEntity, 'status'>>): Promise<void> {
    await this.m.update(DecisionEntity, { id }, changes);
  }
}

export class ApprovalRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: ApprovalEntity): Promise<void> {
    await this.m.insert(ApprovalEntity, row);
  }

  findById(id: string): Promise<ApprovalEntity | null> {
    return this.m.findOneBy(ApprovalEntity, { id });
  }

  findForUpdate(id: string): Promise<ApprovalEntity | null> {
    return this.m.findOne(ApprovalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  bySubject(subjectType: ApprovalEntity['subjectType'], subjectId: string): Promise<ApprovalEntity | null> {
    return this.m.findOneBy(ApprovalEntity, { subjectType, subjectId });
  }

  /** Every approval of the case, decisions and budget releases alike. */
  forCase(caseId: string): Promise<ApprovalEntity[]> {
    return this.m.find(ApprovalEntity, { where: { caseId }, order: { requestedAt: 'ASC' } });
  }

  /** The case's approvals still waiting for a decision. */
  pendingForCase(caseId: string): Promise<ApprovalEntity[]> {
    return this.m.find(ApprovalEntity, { where: { caseId, status: 'pending' }, order: { requestedAt: 'ASC' } });
  }

  /**
   * The approvers' inbox: the approvals of cases and of calls' selections. Policy versions are
   * decided by administrators on their own screen (PolicyRepository.proposals), so they are not listed.
   */
  /**
   * A page of approvals (of cases, and of calls' selections), oldest request first, each with the
   * names an approver reads beside it (the case, the requester, the decider, the call of a
   * selection), and the count of all that match: one query (the count as a window before LIMIT;
   * a page past the end is counted alone).
   */
  async list(filter: { status?: ApprovalEntity['status']; caseId?: string; limit: number; offset: number }): Promise<{ items: ApprovalListRow[]; total: number }> {
    const qb = this.m.createQueryBuilder(ApprovalEntity, 'a');
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.caseId) qb.andWhere('a.case_id = :caseId', { caseId: filter.caseId });
    else qb.andWhere(`(a.case_id IS NOT NULL OR a.subject_type = 'call_selection')`);
    const page = qb
      .clone()
      .addSelect('count(*) OVER ()', 'total')
      .addSelect('(SELECT k.cluster_name FROM cases k WHERE k.id = a.case_id)', 'cluster_name')
      .addSelect('(SELECT u.display_name FROM users u WHERE u.id = a.requested_by)', 'requested_by_name')
      .addSelect('(SELECT u.display_name FROM users u WHERE u.id = a.decided_by)', 'decided_by_name')
      .addSelect(`(SELECT s.call_id FROM call_selections s WHERE s.id = a.subject_id AND a.subject_type = 'call_selection')`, 'call_id')
      .orderBy('a.requested_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset);
    const { entities, raw } = await page.getRawAndEntities<{ a_id: string; total: string; cluster_name: string | null; requested_by_name: string | null; decided_by_name: string | null; call_id: string | null }>();
    const names = new Map(raw.map((r) => [r.a_id, r]));
    const total = raw[0] ? Number(raw[0].total) : filter.offset > 0 ? await qb.getCount() : 0;
    return {
      items: entities.map((row) => {
        const n = names.get(row.id);
        return { row, clusterName: n?.cluster_name ?? null, requestedByName: n?.requested_by_name ?? null, decidedByName: n?.decided_by_name ?? null, callId: n?.call_id ?? null };
      }),
      total,
    };
  }

  async update(id: string, changes: Partial<Pick<ApprovalEntity, 'status' | 'decidedBy' | 'decidedAt' | 'comment'>>): Promise<void> {
    await this.m.update(ApprovalEntity, { id }, changes);
  }
}

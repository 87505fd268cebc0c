import { IsNull, Not, type EntityManager } from 'typeorm';
import { ApprovalEntity, DecisionEntity } from '../entities';

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
  async list(filter: { status?: ApprovalEntity['status']; caseId?: string; limit: number; offset: number }) {
    const status = filter.status ? { status: filter.status } : {};
    const [items, total] = await this.m.findAndCount(ApprovalEntity, {
      where: filter.caseId ? { ...status, caseId: filter.caseId } : [{ ...status, caseId: Not(IsNull()) }, { ...status, subjectType: 'call_selection' }],
      order: { requestedAt: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  async update(id: string, changes: Partial<Pick<ApprovalEntity, 'status' | 'decidedBy' | 'decidedAt' | 'comment'>>): Promise<void> {
    await this.m.update(ApprovalEntity, { id }, changes);
  }
}

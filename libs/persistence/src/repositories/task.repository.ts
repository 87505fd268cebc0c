import type { EntityManager } from 'typeorm';
import { CaseTaskEntity } from '../entities';

export class TaskRepository {
  constructor(private readonly m: EntityManager) {}

  /** Opens a task unless the same one is already open (the partial unique index decides). */
  async open(row: Omit<CaseTaskEntity, 'status' | 'closedAt'>): Promise<void> {
    await this.m
      .createQueryBuilder()
      .insert()
      .into(CaseTaskEntity)
      .values({ ...row, status: 'open', closedAt: null })
      .orIgnore()
      .execute();
  }

  /** Closes the open tasks of a kind on a case (optionally one assignee's, or about one subject). */
  async close(caseId: string, kind: string, match: { assigneeRef?: string; subjectId?: string } = {}, status: 'done' | 'cancelled' = 'done'): Promise<void> {
    const qb = this.m
      .createQueryBuilder()
      .update(CaseTaskEntity)
      .set({ status, closedAt: new Date() })
      .where(`case_id = :caseId AND kind = :kind AND status = 'open'`, { caseId, kind });
    if (match.assigneeRef) qb.andWhere('assignee_ref = :ref', { ref: match.assigneeRef });
    if (match.subjectId) qb.andWhere('subject_id = :sid', { sid: match.subjectId });
    await qb.execute();
  }

  /** Moves one person's open tasks to another, except the kinds that stay personal. */
  async reassign(fromRef: string, toRef: string, exceptKinds: string[]): Promise<number> {
    const result = await this.m
      .createQueryBuilder()
      .update(CaseTaskEntity)
      .set({ assigneeRef: toRef })
      .where(`status = 'open' AND assignee_ref = :fromRef AND NOT (kind = ANY(:exceptKinds))`, { fromRef, exceptKinds })
      .andWhere(`case_id NOT IN (SELECT id FROM cases WHERE stage = 'closed')`)
      .execute();
    return result.affected ?? 0;
  }

  /** Closes every open task of a case (a case that closes leaves nothing waiting). */
  async closeAllForCase(caseId: string): Promise<void> {
    await this.m.update(CaseTaskEntity, { caseId, status: 'open' }, { status: 'cancelled', closedAt: new Date() });
  }

  /** Open tasks waiting on someone: assigned to them personally, or to a role or council of theirs. */
  async listOpenFor(refs: string[], roles: string[], limit: number, offset: number) {
    const qb = this.m
      .createQueryBuilder(CaseTaskEntity, 't')
      .where(`t.status = 'open'`)
      .andWhere('(t.assignee_ref = ANY(:refs) OR (t.assignee_ref IS NULL AND t.assignee_role = ANY(:roles)))', { refs, roles })
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .take(limit)
      .skip(offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** One person's open tasks on cases not closed (what a deactivated user leaves to reassign). */
  listOpenAssignedTo(ref: string): Promise<CaseTaskEntity[]> {
    return this.m
      .createQueryBuilder(CaseTaskEntity, 't')
      .where(`t.status = 'open' AND t.assignee_ref = :ref`, { ref })
      .andWhere(`t.case_id NOT IN (SELECT id FROM cases WHERE stage = 'closed')`)
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .getMany();
  }

  listOpenForCase(caseId: string): Promise<CaseTaskEntity[]> {
    return this.m.find(CaseTaskEntity, {
      where: { caseId, status: 'open' },
      order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC' },
    });
  }

  async listOpenForCases(caseIds: string[]): Promise<CaseTaskEntity[]> {
    if (caseIds.length === 0) return [];
    return this.m
      .createQueryBuilder(CaseTaskEntity, 't')
      .where('t.case_id = ANY(:ids)', { ids: caseIds })
      .andWhere(`t.status = 'open'`)
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .getMany();
  }
}

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

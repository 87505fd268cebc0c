import type { EntityManager } from 'typeorm';
import type { ProjectStatus } from '@cluster/domain';
import { CaseProjectEntity } from '../entities';

export class CaseProjectRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: CaseProjectEntity): Promise<void> {
    await this.m.insert(CaseProjectEntity, row);
  }

  async update(id: string, changes: Partial<CaseProjectEntity>): Promise<void> {
    await this.m.update(CaseProjectEntity, { id }, changes as never);
  }

  /** The project if it belongs to this case (another case's project is not found here). */
  find(caseId: string, id: string): Promise<CaseProjectEntity | null> {
    return this.m.findOneBy(CaseProjectEntity, { caseId, id });
  }

  /** Oldest first, so a page keeps its order while projects are added. */
  async page(caseId: string, filter: { status?: ProjectStatus; limit: number; offset: number }): Promise<{ items: CaseProjectEntity[]; total: number }> {
    const [items, total] = await this.m.findAndCount(CaseProjectEntity, {
      where: { caseId, ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  listForCase(caseId: string): Promise<CaseProjectEntity[]> {
    return this.m.find(CaseProjectEntity, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async idsOfCase(caseId: string): Promise<string[]> {
    return (await this.m.find(CaseProjectEntity, { where: { caseId }, select: { id: true } })).map((p) => p.id);
  }
}

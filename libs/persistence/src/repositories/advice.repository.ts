import type { EntityManager } from 'typeorm';
import { AdviceRequestEntity } from '../entities';

export interface AdviceRequestFilter {
  councilCode?: string;
  status?: AdviceRequestEntity['status'];
  caseId?: string;
  limit: number;
  offset: number;
}

export class AdviceRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: AdviceRequestEntity): Promise<void> {
    await this.m.insert(AdviceRequestEntity, row);
  }

  findById(id: string): Promise<AdviceRequestEntity | null> {
    return this.m.findOneBy(AdviceRequestEntity, { id });
  }

  /** Locks the request for the rest of the transaction: advice and lapse cannot cross. */
  findByIdForUpdate(id: string): Promise<AdviceRequestEntity | null> {
    return this.m.findOne(AdviceRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  round(caseId: string, round: number): Promise<AdviceRequestEntity[]> {
    return this.m.find(AdviceRequestEntity, { where: { caseId, round }, order: { councilCode: 'ASC' } });
  }

  /** Every request of the case, all rounds. */
  forCase(caseId: string): Promise<AdviceRequestEntity[]> {
    return this.m.find(AdviceRequestEntity, { where: { caseId }, order: { round: 'ASC', councilCode: 'ASC' } });
  }

  async lastRound(caseId: string): Promise<number> {
    const row = await this.m
      .createQueryBuilder(AdviceRequestEntity, 'a')
      .select('max(a.round)', 'max')
      .where('a.case_id = :caseId', { caseId })
      .getRawOne<{ max: number | null }>();
    return row?.max ?? 0;
  }

  async list(filter: AdviceRequestFilter): Promise<{ items: AdviceRequestEntity[]; total: number }> {
    const where = {
      ...(filter.councilCode ? { councilCode: filter.councilCode } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.caseId ? { caseId: filter.caseId } : {}),
    };
    const [items, total] = await this.m.findAndCount(AdviceRequestEntity, {
      where,
      order: { dueAt: 'ASC', councilCode: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  async update(id: string, changes: Partial<AdviceRequestEntity>): Promise<void> {
    await this.m.update(AdviceRequestEntity, { id }, changes);
  }
}

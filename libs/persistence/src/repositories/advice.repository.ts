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

  /**
   * A page of advice requests, by due date, each with its case's name, and the count of all that
   * match: one query (the count as a window before LIMIT; a page past the end is counted alone).
   */
  async list(filter: AdviceRequestFilter): Promise<{ items: { row: AdviceRequestEntity; clusterName: string | null }[]; total: number }> {
    const qb = this.m.createQueryBuilder(AdviceRequestEntity, 'r');
    if (filter.councilCode) qb.andWhere('r.council_code = :council', { council: filter.councilCode });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.caseId) qb.andWhere('r.case_id = :caseId', { caseId: filter.caseId });
    const page = qb
      .clone()
      .addSelect('count(*) OVER ()', 'total')
      .addSelect('(SELECT k.cluster_name FROM cases k WHERE k.id = r.case_id)', 'cluster_name')
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.council_code', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset);
    const { entities, raw } = await page.getRawAndEntities<{ r_id: string; total: string; cluster_name: string | null }>();
    const names = new Map(raw.map((x) => [x.r_id, x.cluster_name]));
    const total = raw[0] ? Number(raw[0].total) : filter.offset > 0 ? await qb.getCount() : 0;
    return { items: entities.map((row) => ({ row, clusterName: names.get(row.id) ?? null })), total };
  }

  async update(id: string, changes: Partial<AdviceRequestEntity>): Promise<void> {
    await this.m.update(AdviceRequestEntity, { id }, changes);
  }
}

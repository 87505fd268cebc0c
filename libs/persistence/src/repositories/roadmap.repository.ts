import type { EntityManager } from 'typeorm';
import { RoadmapVersionEntity } from '../entities';

export class RoadmapRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: RoadmapVersionEntity): Promise<void> {
    await this.m.insert(RoadmapVersionEntity, row);
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<RoadmapVersionEntity | null> {
    return this.m.findOneBy(RoadmapVersionEntity, { idempotencyKey });
  }

  async latestVersion(caseId: string): Promise<number> {
    const row = await this.m
      .createQueryBuilder(RoadmapVersionEntity, 'r')
      .select('max(r.version)', 'max')
      .where('r.case_id = :caseId', { caseId })
      .getRawOne<{ max: number | null }>();
    return row?.max ?? 0;
  }

  findVersion(caseId: string, version: number): Promise<RoadmapVersionEntity | null> {
    return this.m.findOneBy(RoadmapVersionEntity, { caseId, version });
  }

  listForCase(caseId: string): Promise<RoadmapVersionEntity[]> {
    return this.m.find(RoadmapVersionEntity, { where: { caseId }, order: { version: 'ASC' } });
  }
}

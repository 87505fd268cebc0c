import type { EntityManager } from 'typeorm';
import type { CaseStage, EuropeanLink } from '@cluster/domain';
import { RoadmapVersionEntity } from '../entities';

/** A case's latest submitted roadmap, as far as its European links go. */
export interface SubmittedEuropeanLinks {
  caseId: string;
  clusterName: string;
  stage: CaseStage;
  policyVersion: number;
  version: number;
  links: EuropeanLink[];
}

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

  /**
   * Every case that is not closed and has a submitted roadmap, with the European links of its latest
   * submitted version (only that part of the content: the overview reads hundreds of roadmaps).
   */
  async europeanLinksOfOpenCases(): Promise<SubmittedEuropeanLinks[]> {
    const rows: { case_id: string; cluster_name: string; stage: CaseStage; policy_version: number; version: number; links: EuropeanLink[] | null }[] = await this.m.query(
      `SELECT c.id AS case_id, c.cluster_name, c.stage, c.policy_version, r.version, r.content->'europeanLinks' AS links
         FROM cases c JOIN roadmap_versions r ON r.case_id = c.id AND r.version = c.submitted_roadmap_version
        WHERE c.stage <> 'closed'
        ORDER BY c.cluster_name, c.id`,
    );
    return rows.map((r) => ({ caseId: r.case_id, clusterName: r.cluster_name, stage: r.stage, policyVersion: r.policy_version, version: r.version, links: Array.isArray(r.links) ? r.links : [] }));
  }
}

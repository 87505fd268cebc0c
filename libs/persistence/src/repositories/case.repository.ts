import { In, Not, type EntityManager } from 'typeorm';
import type { CaseStage } from '@cluster/domain';
import { CaseEntity, type CaseTaskEntity } from '../entities';
import { OPEN_TASKS_JSON_SQL, openTasksOf } from './open-tasks.sql';

export interface CaseListFilter {
  stage?: CaseStage;
  accountManagerId?: string;
  /** Restricts the list to these ids (a cluster representative sees only their own case). */
  onlyIds?: string[];
  search?: string;
  /** true: only cases with an open task past its due date (at `now`); false: only cases without one. */
  overdue?: boolean;
  /** Only pilot test trajectories (true) or only the others (false). */
  pilot?: boolean;
  /** Only the cases registered to this call. */
  callId?: string;
  /** The moment "overdue" is measured against (the caller's clock, as the inbox uses). */
  now?: Date;
  limit: number;
  offset: number;
}

export class CaseRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: CaseEntity): Promise<void> {
    await this.m.insert(CaseEntity, row);
  }

  /**
   * Who stands in a relation to the case beyond its account manager, in one query (every command
   * asks this before its update): the assessors assigned to the submitted roadmap version, and
   * the signers of the agreement version awaiting signatures. null when the case does not exist.
   */
  async relations(id: string): Promise<{ assessorIds: string[]; signerIds: string[] } | null> {
    const rows: { assessor_ids: string[]; signer_ids: string[] }[] = await this.m.query(
      `SELECT
         COALESCE((SELECT json_agg(a.assessor_id ORDER BY a.created_at) FROM assessor_assignments a
                    WHERE a.case_id = c.id AND a.roadmap_version = c.submitted_roadmap_version), '[]') AS assessor_ids,
         COALESCE((SELECT json_agg(p->>'representativeUserId') FROM (
                      SELECT v.content FROM agreement_versions v WHERE v.case_id = c.id AND v.status = 'signing' ORDER BY v.version LIMIT 1
                    ) s, jsonb_array_elements(s.content->'parties') p), '[]') AS signer_ids
       FROM cases c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ? { assessorIds: rows[0].assessor_ids, signerIds: rows[0].signer_ids } : null;
  }

  findById(id: string): Promise<CaseEntity | null> {
    return this.m.findOneBy(CaseEntity, { id });
  }

  /** The case and its open tasks in one query (the case page, and every read that checks who may read a case). */
  async findWithOpenTasks(id: string): Promise<{ row: CaseEntity; openTasks: CaseTaskEntity[] } | null> {
    const { entities, raw } = await this.m
      .createQueryBuilder(CaseEntity, 'c')
      .addSelect(OPEN_TASKS_JSON_SQL, 'open_tasks')
      .where('c.id = :id', { id })
      .getRawAndEntities<{ open_tasks: Parameters<typeof openTasksOf>[0] }>();
    return entities[0] ? { row: entities[0], openTasks: openTasksOf(raw[0]?.open_tasks) } : null;
  }

  /** Several cases in one query (e.g. the names beside a page of tasks). */
  findByIds(ids: string[]): Promise<CaseEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.m.findBy(CaseEntity, { id: In(ids) });
  }

  /** Locks the case row for the rest of the transaction: commands on one case apply one at a time. */
  findByIdForUpdate(id: string): Promise<CaseEntity | null> {
    return this.m.findOne(CaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The open cases one account manager guides (closed cases keep the account manager they ended with). */
  managedBy(accountManagerId: string): Promise<CaseEntity[]> {
    return this.m.find(CaseEntity, { where: { accountManagerId, stage: Not('closed') }, order: { createdAt: 'ASC' } });
  }

  /** The open cases one account manager guides, locked for a handover (closed cases stay as they are). */
  lockManagedBy(accountManagerId: string): Promise<CaseEntity[]> {
    return this.m.find(CaseEntity, {
      where: { accountManagerId, stage: Not('closed') },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * A page of the list, each case with its open tasks, and the count of all that match, in one
   * query: the count as a window over the matching rows (computed before LIMIT), the tasks only
   * for the rows of the page. A page past the end has no row to carry the count: then it is
   * counted alone.
   */
  async list(filter: CaseListFilter): Promise<{ items: { row: CaseEntity; openTasks: CaseTaskEntity[] }[]; total: number }> {
    const qb = this.m.createQueryBuilder(CaseEntity, 'c');
    if (filter.stage) qb.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.accountManagerId) qb.andWhere('c.account_manager_id = :am', { am: filter.accountManagerId });
    if (filter.onlyIds) qb.andWhere('c.id = ANY(:ids)', { ids: filter.onlyIds });
    if (filter.search) {
      qb.andWhere(`c.cluster_name ILIKE :q ESCAPE '\\'`, { q: `%${escapeLike(filter.search)}%` });
    }
    if (filter.pilot !== undefined) qb.andWhere('c.pilot = :pilot', { pilot: filter.pilot });
    if (filter.callId) qb.andWhere('c.call_id = :callId', { callId: filter.callId });
    if (filter.overdue !== undefined) {
      const overdueTask = `EXISTS (SELECT 1 FROM case_tasks t WHERE t.case_id = c.id AND t.status = 'open' AND t.due_at < :now)`;
      qb.andWhere(filter.overdue ? overdueTask : `NOT ${overdueTask}`, { now: filter.now ?? new Date() });
    }
    const page = qb
      .clone()
      .addSelect('count(*) OVER ()', 'total')
      .addSelect(OPEN_TASKS_JSON_SQL, 'open_tasks')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset);
    const { entities, raw } = await page.getRawAndEntities<{ c_id: string; total: string; open_tasks: Parameters<typeof openTasksOf>[0] }>();
    const extra = new Map(raw.map((r) => [r.c_id, r]));
    const total = raw[0] ? Number(raw[0].total) : filter.offset > 0 ? await qb.getCount() : 0;
    return { items: entities.map((row) => ({ row, openTasks: openTasksOf(extra.get(row.id)?.open_tasks) })), total };
  }

  async update(id: string, changes: Partial<Pick<CaseEntity, 'stage' | 'latestRoadmapVersion' | 'submittedRoadmapVersion' | 'accountManagerId' | 'standInId' | 'leadActors' | 'partners' | 'pilot' | 'callId' | 'updatedAt'>>): Promise<void> {
    await this.m.update(CaseEntity, { id }, changes);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

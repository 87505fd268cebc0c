import type { EntityManager } from 'typeorm';
import { CaseTaskEntity } from '../entities';

/** One line of the inbox: the task and the name and stage of its case (null if the case is gone). */
export interface InboxRow {
  id: string;
  kind: string;
  caseId: string;
  subjectId: string | null;
  dueAt: Date | null;
  createdAt: Date;
  clusterName: string | null;
  stage: string | null;
}

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

  /**
   * The inbox: open tasks waiting on someone (assigned to them personally, or to a role or council
   * of theirs), each with its case's name and stage, and the count of all of them, in one query
   * (the count as a window before LIMIT). A page past the end is counted alone.
   */
  async inbox(refs: string[], roles: string[], limit: number, offset: number): Promise<{ items: InboxRow[]; total: number }> {
    const waiting = `t.status = 'open' AND (t.assignee_ref = ANY($1) OR (t.assignee_ref IS NULL AND t.assignee_role = ANY($2)))`;
    const rows: (InboxRow & { total: string })[] = await this.m.query(
      `SELECT t.id, t.kind, t.case_id AS "caseId", t.subject_id AS "subjectId", t.due_at AS "dueAt", t.created_at AS "createdAt",
              c.cluster_name AS "clusterName", c.stage, count(*) OVER () AS total
         FROM case_tasks t LEFT JOIN cases c ON c.id = t.case_id
        WHERE ${waiting}
        ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC, t.id ASC
        LIMIT $3 OFFSET $4`,
      [refs, roles, limit, offset],
    );
    const total = rows[0]
      ? Number(rows[0].total)
      : offset > 0
        ? Number(((await this.m.query(`SELECT count(*) AS n FROM case_tasks t WHERE ${waiting}`, [refs, roles])) as { n: string }[])[0]?.n ?? 0)
        : 0;
    return { items: rows.map(({ total: _total, ...row }) => row), total };
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
}

import type { EntityManager } from 'typeorm';
import type { PortfolioFilter } from '@cluster/domain';
import { caseCondition } from './case-filter.sql';

export interface OverdueRow {
  taskId: string;
  caseId: string;
  clusterName: string;
  kind: string;
  dueAt: Date;
}

/**
 * Open tasks past their due moment on cases not closed (terms are tasks with a due date: see
 * libs/domain/src/portfolio.ts), oldest due first; the count and one page.
 */
export async function overdueTasks(m: EntityManager, f: PortfolioFilter, now: Date, limit: number, offset: number): Promise<{ total: number; items: OverdueRow[] }> {
  const where = caseCondition(f, 2);
  const from = `FROM case_tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.status = 'open' AND t.due_at < $1 AND c.stage <> 'closed' AND ${where.sql}`;
  const [counted] = (await m.query(`SELECT count(*) AS n ${from}`, [now, ...where.params])) as { n: string }[];
  const n = where.params.length + 2;
  const rows: { id: string; case_id: string; cluster_name: string; kind: string; due_at: Date }[] = await m.query(
    `SELECT t.id, t.case_id, c.cluster_name, t.kind, t.due_at ${from} ORDER BY t.due_at ASC, t.id ASC LIMIT $${n} OFFSET $${n + 1}`,
    [now, ...where.params, limit, offset],
  );
  return {
    total: Number(counted?.n ?? 0),
    items: rows.map((r) => ({ taskId: r.id, caseId: r.case_id, clusterName: r.cluster_name, kind: r.kind, dueAt: new Date(r.due_at) })),
  };
}

import type { PortfolioFilter } from '@cluster/domain';
import { caseCondition } from './case-filter.sql';
import type { Statement } from './statement.sql';

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
export function overdueTasks(f: PortfolioFilter, now: Date, limit: number, offset: number): Statement<{ total: number; items: OverdueRow[] }> {
  const where = caseCondition(f, 2);
  const n = where.params.length + 2;
  type Row = { id: string; case_id: string; cluster_name: string; kind: string; due_at: Date | string; total: string };
  // The count as a window before LIMIT: the page and the count in one query.
  return {
    sql: `SELECT t.id, t.case_id, c.cluster_name, t.kind, t.due_at, count(*) OVER () AS total
       FROM case_tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.status = 'open' AND t.due_at < $1 AND c.stage <> 'closed' AND ${where.sql}
      ORDER BY t.due_at ASC, t.id ASC LIMIT $${n} OFFSET $${n + 1}`,
    params: [now, ...where.params, limit, offset],
    map: (all) => {
      const rows = all as Row[];
      return {
        total: Number(rows[0]?.total ?? 0),
        items: rows.map((r) => ({ taskId: r.id, caseId: r.case_id, clusterName: r.cluster_name, kind: r.kind, dueAt: new Date(r.due_at) })),
      };
    },
  };
}

/** The overdue count alone: for a page past the end, which has no row to carry the window's count. */
export function overdueCount(f: PortfolioFilter, now: Date): Statement<number> {
  const where = caseCondition(f, 2);
  return {
    sql: `SELECT count(*) AS n FROM case_tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.status = 'open' AND t.due_at < $1 AND c.stage <> 'closed' AND ${where.sql}`,
    params: [now, ...where.params],
    map: (rows) => Number((rows[0] as { n: string } | undefined)?.n ?? 0),
  };
}

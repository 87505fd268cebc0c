import type { PortfolioFilter } from '@cluster/domain';
import { caseCondition } from './case-filter.sql';
import type { Statement } from './statement.sql';

export interface FunnelRow {
  callId: string | null;
  year: number;
  stage: string;
  count: number;
}

/** Cases per call (null: outside any call), year of creation (Brussels) and current stage. */
export function funnelRows(f: PortfolioFilter): Statement<FunnelRow[]> {
  const where = caseCondition(f);
  return {
    sql: `SELECT c.call_id, extract(year FROM c.created_at AT TIME ZONE 'Europe/Brussels')::int AS year, c.stage, count(*) AS n
       FROM cases c WHERE ${where.sql}
      GROUP BY 1, 2, 3`,
    params: where.params,
    map: (rows) => (rows as { call_id: string | null; year: number; stage: string; n: string }[]).map((r) => ({ callId: r.call_id, year: r.year, stage: r.stage, count: Number(r.n) })),
  };
}

/** The years in which cases were created (Brussels), for the filter's choices; unfiltered. */
export function caseYears(): Statement<number[]> {
  return {
    sql: `SELECT DISTINCT extract(year FROM created_at AT TIME ZONE 'Europe/Brussels')::int AS year FROM cases ORDER BY 1 DESC`,
    params: [],
    map: (rows) => (rows as { year: number }[]).map((r) => r.year),
  };
}

import type { EntityManager } from 'typeorm';
import type { PortfolioFilter } from '@cluster/domain';
import { caseCondition } from './case-filter.sql';

export interface FunnelRow {
  callId: string | null;
  year: number;
  stage: string;
  count: number;
}

/** Cases per call (null: outside any call), year of creation (Brussels) and current stage. */
export async function funnelRows(m: EntityManager, f: PortfolioFilter): Promise<FunnelRow[]> {
  const where = caseCondition(f);
  const rows: { call_id: string | null; year: number; stage: string; n: string }[] = await m.query(
    `SELECT c.call_id, extract(year FROM c.created_at AT TIME ZONE 'Europe/Brussels')::int AS year, c.stage, count(*) AS n
       FROM cases c WHERE ${where.sql}
      GROUP BY 1, 2, 3`,
    where.params,
  );
  return rows.map((r) => ({ callId: r.call_id, year: r.year, stage: r.stage, count: Number(r.n) }));
}

/** The years in which cases were created (Brussels), for the filter's choices; unfiltered. */
export async function caseYears(m: EntityManager): Promise<number[]> {
  const rows: { year: number }[] = await m.query(
    `SELECT DISTINCT extract(year FROM created_at AT TIME ZONE 'Europe/Brussels')::int AS year FROM cases ORDER BY 1 DESC`,
  );
  return rows.map((r) => r.year);
}

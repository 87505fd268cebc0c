import type { PortfolioFilter } from '@cluster/domain';
import { caseCondition } from './case-filter.sql';
import type { Statement } from './statement.sql';

export interface CouncilTurnaroundRow {
  councilCode: string;
  requested: number;
  advised: number;
  lapsed: number;
  open: number;
  /** Days from request to advice over the advised requests, to one decimal; null when none advised. */
  medianDays: number | null;
  slowestDays: number | null;
}

/** Per council: how long its advice took (median, slowest) and how often it let the term pass. */
export function councilTurnaround(f: PortfolioFilter): Statement<CouncilTurnaroundRow[]> {
  const where = caseCondition(f);
  const days = `extract(epoch FROM a.advised_at - a.requested_at) / 86400`;
  type Row = { council_code: string; requested: string; advised: string; lapsed: string; open: string; median_days: string | null; slowest_days: string | null };
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    sql: `SELECT a.council_code,
            count(*) FILTER (WHERE a.status <> 'withdrawn') AS requested,
            count(*) FILTER (WHERE a.status = 'advised') AS advised,
            count(*) FILTER (WHERE a.status = 'lapsed') AS lapsed,
            count(*) FILTER (WHERE a.status = 'open') AS open,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE a.status = 'advised'))::numeric, 1) AS median_days,
            round((max(${days}) FILTER (WHERE a.status = 'advised'))::numeric, 1) AS slowest_days
       FROM advice_requests a JOIN cases c ON c.id = a.case_id
      WHERE ${where.sql}
      GROUP BY a.council_code ORDER BY a.council_code`,
    params: where.params,
    map: (rows) => (rows as Row[]).map((r) => ({
    councilCode: r.council_code,
    requested: Number(r.requested),
    advised: Number(r.advised),
    lapsed: Number(r.lapsed),
    open: Number(r.open),
    medianDays: num(r.median_days),
    slowestDays: num(r.slowest_days),
  })),
  };
}

import type { PortfolioFilter } from '@cluster/domain';

/** A WHERE condition on the cases table (alias c) and its parameters, numbered from `first`. */
export interface CaseCondition {
  sql: string;
  params: unknown[];
}

/**
 * The overview's filter as SQL on `cases c`: the call (or none), the year of creation in Brussels
 * time (as a range on created_at, so an index on it can serve), the stage.
 */
export function caseCondition(f: PortfolioFilter, first = 1): CaseCondition {
  const parts: string[] = ['TRUE'];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  if (f.callId === 'none') parts.push('c.call_id IS NULL');
  else if (f.callId) parts.push(`c.call_id = ${next(f.callId)}::uuid`);
  if (f.year !== undefined) {
    const y = next(f.year);
    parts.push(`c.created_at >= make_timestamptz(${y}::int, 1, 1, 0, 0, 0, 'Europe/Brussels') AND c.created_at < make_timestamptz(${y}::int + 1, 1, 1, 0, 0, 0, 'Europe/Brussels')`);
  }
  if (f.stage) parts.push(`c.stage = ${next(f.stage)}`);
  return { sql: parts.join(' AND '), params };
}

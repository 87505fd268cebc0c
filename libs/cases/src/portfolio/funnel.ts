import { stageCounts } from '@cluster/domain';
import type { FunnelRow } from '@cluster/persistence';
import type { PortfolioFunnel } from './portfolio.types';

/** The funnel from its rows: per call and year, and over all, each with every stage in order. */
export function funnelOf(rows: FunnelRow[], titles: ReadonlyMap<string, string>): PortfolioFunnel {
  const all = new Map<string, number>();
  const groups = new Map<string, { callId: string | null; year: number; counts: Map<string, number> }>();
  for (const r of rows) {
    all.set(r.stage, (all.get(r.stage) ?? 0) + r.count);
    const key = `${r.callId ?? ''}|${r.year}`;
    const g = groups.get(key) ?? { callId: r.callId, year: r.year, counts: new Map<string, number>() };
    g.counts.set(r.stage, (g.counts.get(r.stage) ?? 0) + r.count);
    groups.set(key, g);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, n) => a + n, 0);
  return {
    stages: stageCounts(all),
    total: sum(all),
    groups: [...groups.values()]
      // Newest year first; within a year, calls by title, cases outside any call last.
      .sort((a, b) => b.year - a.year || (a.callId === null ? 1 : 0) - (b.callId === null ? 1 : 0) || (titles.get(a.callId ?? '') ?? '').localeCompare(titles.get(b.callId ?? '') ?? ''))
      .map((g) => ({ callId: g.callId, callTitle: g.callId ? (titles.get(g.callId) ?? null) : null, year: g.year, total: sum(g.counts), stages: stageCounts(g.counts) })),
  };
}

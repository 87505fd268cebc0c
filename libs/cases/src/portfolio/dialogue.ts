import type { DialogueOutcomeRow } from '@cluster/persistence';
import type { ClusterDialogue, PortfolioDialogue } from './portfolio.types';

/** Outcomes per cluster over its cycles, and per cycle how many clusters had each outcome. */
export function dialogueOf(rows: DialogueOutcomeRow[]): PortfolioDialogue {
  const clusters = new Map<string, ClusterDialogue>();
  const perCycle = new Map<number, { cycle: number; on_track: number; attention: number; off_track: number }>();
  for (const r of rows) {
    const c = clusters.get(r.caseId) ?? { caseId: r.caseId, clusterName: r.clusterName, cycles: [] };
    c.cycles.push({ cycle: r.cycle, outcome: r.outcome, recordedAt: r.recordedAt.toISOString() });
    clusters.set(r.caseId, c);
    const p = perCycle.get(r.cycle) ?? { cycle: r.cycle, on_track: 0, attention: 0, off_track: 0 };
    p[r.outcome] += 1;
    perCycle.set(r.cycle, p);
  }
  return { clusters: [...clusters.values()], perCycle: [...perCycle.values()].sort((a, b) => a.cycle - b.cycle) };
}

import type { DialogueOutcome, PortfolioFilter } from '@cluster/domain';
import { caseCondition } from './case-filter.sql';
import type { Statement } from './statement.sql';

export interface DialogueOutcomeRow {
  caseId: string;
  clusterName: string;
  cycle: number;
  outcome: DialogueOutcome;
  recordedAt: Date;
}

/** Every recorded dialogue outcome of the filtered cases, per cluster in cycle order. */
export function dialogueOutcomes(f: PortfolioFilter): Statement<DialogueOutcomeRow[]> {
  const where = caseCondition(f);
  type Row = { case_id: string; cluster_name: string; cycle: number; outcome: DialogueOutcome; outcome_at: Date | string };
  return {
    sql: `SELECT d.case_id, c.cluster_name, d.cycle, d.outcome, d.outcome_at
       FROM dialogue_cycles d JOIN cases c ON c.id = d.case_id
      WHERE d.outcome IS NOT NULL AND ${where.sql}
      ORDER BY c.cluster_name, d.case_id, d.cycle`,
    params: where.params,
    map: (rows) => (rows as Row[]).map((r) => ({ caseId: r.case_id, clusterName: r.cluster_name, cycle: r.cycle, outcome: r.outcome, recordedAt: new Date(r.outcome_at) })),
  };
}

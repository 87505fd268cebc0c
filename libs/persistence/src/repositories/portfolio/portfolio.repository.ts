import type { EntityManager } from 'typeorm';
import type { PortfolioFilter } from '@cluster/domain';
import { budgetAgainstEnvelopes, budgetPerInstrument } from './budget.sql';
import { councilTurnaround } from './councils.sql';
import { dialogueOutcomes } from './dialogue.sql';
import { caseYears, funnelRows } from './funnel.sql';
import { leverageRows } from './leverage.sql';
import { overdueTasks } from './overdue.sql';

export type { FunnelRow } from './funnel.sql';
export type { OverdueRow } from './overdue.sql';
export type { CouncilTurnaroundRow } from './councils.sql';
export type { InstrumentFigures, EnvelopeFigures } from './budget.sql';
export type { DialogueOutcomeRow } from './dialogue.sql';
export type { LeverageRow } from './leverage.sql';

/** The portfolio overview's reads across cases, one section per file beside this one. */
export class PortfolioRepository {
  constructor(private readonly m: EntityManager) {}

  funnel = (f: PortfolioFilter) => funnelRows(this.m, f);
  years = () => caseYears(this.m);
  overdue = (f: PortfolioFilter, now: Date, limit: number, offset: number) => overdueTasks(this.m, f, now, limit, offset);
  councils = (f: PortfolioFilter) => councilTurnaround(this.m, f);
  budget = (f: PortfolioFilter) => budgetPerInstrument(this.m, f);
  envelopes = (f: PortfolioFilter) => budgetAgainstEnvelopes(this.m, f);
  dialogue = (f: PortfolioFilter) => dialogueOutcomes(this.m, f);
  leverage = (f: PortfolioFilter) => leverageRows(this.m, f);

  /** Titles of calls by id (the funnel names each call). */
  async callTitles(): Promise<Map<string, string>> {
    const rows: { id: string; title: string }[] = await this.m.query(`SELECT id, title FROM calls ORDER BY opened_at DESC`);
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}

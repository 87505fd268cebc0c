import type { EntityManager } from 'typeorm';
import type { PortfolioFilter } from '@cluster/domain';
import { budgetAgainstEnvelopes, budgetPerInstrument } from './budget.sql';
import { councilTurnaround } from './councils.sql';
import { dialogueOutcomes } from './dialogue.sql';
import { caseYears, funnelRows } from './funnel.sql';
import { leverageRows } from './leverage.sql';
import { overdueCount, overdueTasks } from './overdue.sql';
import { alone, together, type Statement } from './statement.sql';

export type { FunnelRow } from './funnel.sql';
import type { OverdueRow } from './overdue.sql';
export type { OverdueRow } from './overdue.sql';
export type { CouncilTurnaroundRow } from './councils.sql';
export type { InstrumentFigures, EnvelopeFigures } from './budget.sql';
export type { DialogueOutcomeRow } from './dialogue.sql';
export type { LeverageRow } from './leverage.sql';

/** The portfolio overview's reads across cases, one section per file beside this one. */
export class PortfolioRepository {
  constructor(private readonly m: EntityManager) {}

  funnel = (f: PortfolioFilter) => alone(this.m, funnelRows(f));
  years = () => alone(this.m, caseYears());
  councils = (f: PortfolioFilter) => alone(this.m, councilTurnaround(f));
  budget = (f: PortfolioFilter) => alone(this.m, budgetPerInstrument(f));
  envelopes = (f: PortfolioFilter) => alone(this.m, budgetAgainstEnvelopes(f));
  dialogue = (f: PortfolioFilter) => alone(this.m, dialogueOutcomes(f));
  leverage = (f: PortfolioFilter) => alone(this.m, leverageRows(f));
  callTitles = () => alone(this.m, callTitles());

  /** A page of the overdue terms and tasks, and their count (counted alone only past the end). */
  async overdue(f: PortfolioFilter, now: Date, limit: number, offset: number): Promise<{ total: number; items: OverdueRow[] }> {
    const page = await alone(this.m, overdueTasks(f, now, limit, offset));
    return page.items.length === 0 && offset > 0 ? { ...page, total: await alone(this.m, overdueCount(f, now)) } : page;
  }

  /** Every section of the overview in one query (one round trip instead of ten). */
  async overview(f: PortfolioFilter, now: Date, limit: number, offset: number) {
    const all = await together(this.m, {
      titles: callTitles(),
      years: caseYears(),
      funnel: funnelRows(f),
      overdue: overdueTasks(f, now, limit, offset),
      councils: councilTurnaround(f),
      budget: budgetPerInstrument(f),
      envelopes: budgetAgainstEnvelopes(f),
      dialogue: dialogueOutcomes(f),
      leverage: leverageRows(f),
    });
    if (all.overdue.items.length === 0 && offset > 0) all.overdue.total = await alone(this.m, overdueCount(f, now));
    return all;
  }
}

/** Titles of calls by id, newest first (the funnel names each call). */
function callTitles(): Statement<Map<string, string>> {
  return {
    sql: `SELECT id, title FROM calls ORDER BY opened_at DESC`,
    params: [],
    map: (rows) => new Map((rows as { id: string; title: string }[]).map((r) => [r.id, r.title])),
  };
}

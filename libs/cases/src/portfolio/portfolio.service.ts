import { Injectable } from '@nestjs/common';
import { DomainError, PORTFOLIO_OVERDUE_PAGE, portfolioFilterProblems, taskWords, type PortfolioFilter } from '@cluster/domain';
import { Database, type OverdueRow } from '@cluster/persistence';
import { dialogueOf } from './dialogue';
import { funnelOf } from './funnel';
import { leverageOf } from './leverage';
import type { PortfolioOverview, PortfolioOverdue } from './portfolio.types';

const DAY_MS = 86_400_000;

export interface OverduePage {
  limit?: number;
  offset?: number;
}

/**
 * The portfolio overview across cases (issue 14, item 6): reads only, straight from the read
 * tables; every section honours the same filter. Money comes summed from the database (bigint),
 * from the very definition the cases' budget pages use.
 */
@Injectable()
export class PortfolioService {
  constructor(private readonly db: Database) {}

  async overview(filter: PortfolioFilter, page: OverduePage = {}, now = new Date(), overdueCap: number = PORTFOLIO_OVERDUE_PAGE.max): Promise<PortfolioOverview> {
    const problems = portfolioFilterProblems(filter);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De filter van het overzicht klopt niet. / The overview filter is not valid.', problems);
    const { limit, offset } = overduePage(page, overdueCap);
    // Every section in one query: one round trip, and one connection of the pool, per overview.
    const all = await this.db.read((repos) => repos.portfolio.overview(filter, now, limit, offset));
    return {
      filter: { callId: filter.callId ?? null, year: filter.year ?? null, stage: filter.stage ?? null },
      asOf: now.toISOString(),
      choices: { calls: [...all.titles].map(([id, title]) => ({ id, title })), years: all.years },
      funnel: funnelOf(all.funnel, all.titles),
      overdue: overdueOf(all.overdue, limit, offset, now),
      councils: all.councils,
      budget: { ...all.budget, envelopes: all.envelopes },
      dialogue: dialogueOf(all.dialogue),
      leverage: leverageOf(all.leverage),
    };
  }

  /** Terms and tasks past due now: the count and a page of the oldest, each said in words. */
  async overdue(filter: PortfolioFilter, page: OverduePage = {}, now = new Date(), cap: number = PORTFOLIO_OVERDUE_PAGE.max): Promise<PortfolioOverdue> {
    const { limit, offset } = overduePage(page, cap);
    return overdueOf(await this.db.read((repos) => repos.portfolio.overdue(filter, now, limit, offset)), limit, offset, now);
  }
}

function overduePage(page: OverduePage, cap: number): { limit: number; offset: number } {
  return { limit: Math.min(page.limit ?? PORTFOLIO_OVERDUE_PAGE.default, cap), offset: page.offset ?? 0 };
}

function overdueOf({ total, items }: { total: number; items: OverdueRow[] }, limit: number, offset: number, now: Date): PortfolioOverdue {
  return {
    total,
    limit,
    offset,
    items: items.map((t) => ({
      taskId: t.taskId,
      caseId: t.caseId,
      caseName: t.clusterName,
      kind: t.kind,
      what: taskWords(t.kind),
      dueAt: t.dueAt.toISOString(),
      daysOverdue: Math.floor((now.getTime() - t.dueAt.getTime()) / DAY_MS),
    })),
  };
}

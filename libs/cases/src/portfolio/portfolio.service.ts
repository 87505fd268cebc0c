import { Injectable } from '@nestjs/common';
import { DomainError, PORTFOLIO_OVERDUE_PAGE, portfolioFilterProblems, taskWords, type PortfolioFilter } from '@cluster/domain';
import { Database } from '@cluster/persistence';
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
    return this.db.read(async (repos) => {
      const p = repos.portfolio;
      // One connection at a time per request keeps a busy overview from taking the whole pool.
      const titles = await p.callTitles();
      const years = await p.years();
      const funnel = funnelOf(await p.funnel(filter), titles);
      const overdue = await this.overdue(filter, page, now, overdueCap);
      const councils = await p.councils(filter);
      const budget = await p.budget(filter);
      const envelopes = await p.envelopes(filter);
      const dialogue = dialogueOf(await p.dialogue(filter));
      const leverage = leverageOf(await p.leverage(filter));
      return {
        filter: { callId: filter.callId ?? null, year: filter.year ?? null, stage: filter.stage ?? null },
        asOf: now.toISOString(),
        choices: { calls: [...titles].map(([id, title]) => ({ id, title })), years },
        funnel,
        overdue,
        councils,
        budget: { ...budget, envelopes },
        dialogue,
        leverage,
      };
    });
  }

  /** Terms and tasks past due now: the count and a page of the oldest, each said in words. */
  async overdue(filter: PortfolioFilter, page: OverduePage = {}, now = new Date(), cap: number = PORTFOLIO_OVERDUE_PAGE.max): Promise<PortfolioOverdue> {
    const limit = Math.min(page.limit ?? PORTFOLIO_OVERDUE_PAGE.default, cap);
    const offset = page.offset ?? 0;
    const { total, items } = await this.db.read((repos) => repos.portfolio.overdue(filter, now, limit, offset));
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
}

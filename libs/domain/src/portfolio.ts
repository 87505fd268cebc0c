import { CASE_STAGES, type CaseStage } from './stages';
import type { DialogueOutcome } from './dialogue';
import type { FieldError } from './errors';

/**
 * The portfolio overview (issue 14, item 6): figures across cases for civil servants, policy
 * owners and auditors. The rules that decide what a figure means live here, once.
 *
 * Budget: every amount is the sum of the cases' own budget pages (GET /api/cases/:id/budget), to
 * the cent. Both read the same SQL definition of a case's figures per instrument
 * (libs/persistence/src/repositories/case-budget-figures.sql.ts); the portfolio only sums it.
 *
 * Overdue: a term that runs (a council's advice term, a report's due date, a signing deadline, a
 * milestone) is always an open task with that due date in the case's task list, so "terms and
 * tasks past due" are the open tasks whose due moment has passed, on cases not closed.
 *
 * Leverage (criterion 9: "hefboom van de gevraagde overheidsinterventie"): no separate record of
 * partner money exists; the partnership agreement holds it. DECIDED: the partners' financial
 * commitments of a cluster are the `financial` commitments (amountCents) of every party other than
 * the government in the case's agreement version in force (the signed one; a version still being
 * signed does not count yet, and in-kind commitments carry no amount). The government's side is the
 * case's earmarked total from its budget page (what the signed agreement booked, less what was
 * given back). Leverage = partners ÷ government, shown as a ratio; the amounts stay whole cents.
 */

/** The sections of the overview, each exportable as CSV. */
export const PORTFOLIO_SECTIONS = ['funnel', 'overdue', 'councils', 'budget', 'envelopes', 'dialogue', 'leverage'] as const;
export type PortfolioSection = (typeof PORTFOLIO_SECTIONS)[number];

/** `callId` 'none': only cases outside any call. */
export interface PortfolioFilter {
  callId?: string | 'none';
  /** The year a case was created (Brussels time). */
  year?: number;
  stage?: CaseStage;
}

export const PORTFOLIO_YEARS = { min: 2000, max: 2100 } as const;
export const PORTFOLIO_OVERDUE_PAGE = { default: 20, max: 100 } as const;

/** Filter values a person can get wrong beyond what the DTO checks (the range of a year). */
export function portfolioFilterProblems(f: PortfolioFilter): FieldError[] {
  const problems: FieldError[] = [];
  if (f.year !== undefined && (!Number.isInteger(f.year) || f.year < PORTFOLIO_YEARS.min || f.year > PORTFOLIO_YEARS.max)) {
    problems.push({ field: 'year', messages: [`Kies een jaar van ${PORTFOLIO_YEARS.min} tot ${PORTFOLIO_YEARS.max}. / year must be from ${PORTFOLIO_YEARS.min} to ${PORTFOLIO_YEARS.max}`] });
  }
  return problems;
}

export interface StageCount {
  stage: CaseStage;
  count: number;
}

/** Every stage in process order, with zero where no case is: a funnel never skips a step. */
export function stageCounts(counts: ReadonlyMap<string, number>): StageCount[] {
  return CASE_STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

/** Partners per euro of government earmark; null when nothing is earmarked (no ratio to show). */
export function leverageRatio(partnerCents: number, earmarkedCents: number): number | null {
  if (earmarkedCents <= 0) return null;
  return Math.round((partnerCents / earmarkedCents) * 100) / 100;
}

export const OUTCOME_ORDER: readonly DialogueOutcome[] = ['on_track', 'attention', 'off_track'];

/**
 * Whole cents as a euro amount with a decimal comma and no thousands separator ("-1234,05"), as
 * Flemish Excel reads a number. Integer arithmetic only: a float never touches money.
 */
export function euroDecimal(cents: number | bigint): string {
  const c = BigInt(cents);
  const negative = c < 0n;
  const abs = negative ? -c : c;
  const whole = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole.toString()},${rest}`;
}

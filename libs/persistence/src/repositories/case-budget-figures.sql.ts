/**
 * THE definition of a case's budget figures per instrument, as SQL: the case's budget page
 * (BudgetRepository.figures) and the portfolio overview (PortfolioRepository) both select from it,
 * so the portfolio's sums are the pages' figures to the cent by construction, not by a second
 * formula. Columns: case_id, instrument_code and five bigint amounts in cents:
 *   earmarked_cents  the line's earmark (kept by the ledger's trigger)
 *   requested_cents  releases requested and still awaiting approval
 *   approved_cents   releases approved (approval and booking commit together)
 *   released_cents   booked releases (the line)
 *   remaining_cents  earmarked − released
 * Every amount stays bigint in the database; sums of it are cast back to bigint, so an overflow
 * is an error there rather than a rounded number here.
 */
export const CASE_BUDGET_FIGURES_SQL = `
  SELECT l.case_id,
         l.instrument_code,
         l.earmarked_cents,
         COALESCE(r.requested_cents, 0)::bigint AS requested_cents,
         COALESCE(r.approved_cents, 0)::bigint AS approved_cents,
         l.released_cents,
         (l.earmarked_cents - l.released_cents) AS remaining_cents
    FROM budget_lines l
    LEFT JOIN (
      SELECT case_id, instrument_code,
             sum(amount_cents) FILTER (WHERE status = 'requested') AS requested_cents,
             sum(amount_cents) FILTER (WHERE status = 'approved') AS approved_cents
        FROM budget_releases
       GROUP BY case_id, instrument_code
    ) r ON r.case_id = l.case_id AND r.instrument_code = l.instrument_code`;

/** The five amounts of CASE_BUDGET_FIGURES_SQL, as the database returns them (bigint as text). */
export interface BudgetFigureColumns {
  earmarked_cents: string;
  requested_cents: string;
  approved_cents: string;
  released_cents: string;
  remaining_cents: string;
}

export interface BudgetFigures {
  earmarkedCents: number;
  requestedCents: number;
  approvedCents: number;
  releasedCents: number;
  remainingCents: number;
}

/** bigint text → a whole number of cents, refused beyond exact integer range (as CENTS does). */
export function centsOf(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${value} is beyond exact integer range`);
  return n;
}

export function figuresOf(row: BudgetFigureColumns): BudgetFigures {
  return {
    earmarkedCents: centsOf(row.earmarked_cents),
    requestedCents: centsOf(row.requested_cents),
    approvedCents: centsOf(row.approved_cents),
    releasedCents: centsOf(row.released_cents),
    remainingCents: centsOf(row.remaining_cents),
  };
}

/** The sums of the five amounts over a group of figure rows (alias f), each back to bigint. */
export const SUM_BUDGET_FIGURES_SQL = `
  sum(f.earmarked_cents)::bigint AS earmarked_cents,
  sum(f.requested_cents)::bigint AS requested_cents,
  sum(f.approved_cents)::bigint AS approved_cents,
  sum(f.released_cents)::bigint AS released_cents,
  sum(f.remaining_cents)::bigint AS remaining_cents`;

import type { PortfolioFilter } from '@cluster/domain';
import { CASE_BUDGET_FIGURES_SQL, centsOf, figuresOf, SUM_BUDGET_FIGURES_SQL, type BudgetFigureColumns, type BudgetFigures } from '../case-budget-figures.sql';
import { caseCondition } from './case-filter.sql';
import { nothing, type Statement } from './statement.sql';

export type InstrumentFigures = BudgetFigures & { instrumentCode: string };

/**
 * Per instrument, the sum of the filtered cases' budget pages (the same figures, summed in SQL),
 * and the total over every instrument (the grouping set with no instrument).
 */
export function budgetPerInstrument(f: PortfolioFilter): Statement<{ instruments: InstrumentFigures[]; total: BudgetFigures }> {
  const where = caseCondition(f);
  return {
    sql: `SELECT f.instrument_code, ${SUM_BUDGET_FIGURES_SQL}
       FROM (${CASE_BUDGET_FIGURES_SQL}) f JOIN cases c ON c.id = f.case_id
      WHERE ${where.sql}
      GROUP BY GROUPING SETS ((f.instrument_code), ())
      ORDER BY f.instrument_code NULLS LAST`,
    params: where.params,
    map: (all) => {
      const rows = all as (BudgetFigureColumns & { instrument_code: string | null })[];
      const total = rows.find((r) => r.instrument_code === null);
      return {
        instruments: rows.filter((r) => r.instrument_code !== null).map((r) => ({ instrumentCode: r.instrument_code!, ...figuresOf(r) })),
        total: total ? figuresOf(total) : { earmarkedCents: 0, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 0 },
      };
    },
  };
}

/** unallocatedCents: envelope − earmarked (negative when the call's cases hold more than its envelope). */
export type EnvelopeFigures = InstrumentFigures & { callId: string; callTitle: string; envelopeCents: number; unallocatedCents: number };

/**
 * Per call and instrument: the call's envelope beside the summed budget pages of its cases (that
 * pass the filter). An instrument earmarked without an envelope shows an envelope of 0; one with
 * an envelope and nothing earmarked shows zeros. Cases outside any call have no envelope.
 */
export function budgetAgainstEnvelopes(f: PortfolioFilter): Statement<EnvelopeFigures[]> {
  if (f.callId === 'none') return nothing([]);
  const where = caseCondition(f, 2);
  type Row = BudgetFigureColumns & { call_id: string; title: string; instrument_code: string; envelope_cents: string | null; unallocated_cents: string };
  return {
    sql: `WITH env AS (
       SELECT k.id AS call_id, e->>'instrumentCode' AS instrument_code, (e->>'amountCents')::bigint AS envelope_cents
         FROM calls k CROSS JOIN LATERAL jsonb_array_elements(k.envelopes) e
        WHERE $1::uuid IS NULL OR k.id = $1::uuid
     ), spent AS (
       SELECT c.call_id, f.instrument_code, ${SUM_BUDGET_FIGURES_SQL}
         FROM (${CASE_BUDGET_FIGURES_SQL}) f JOIN cases c ON c.id = f.case_id
        WHERE c.call_id IS NOT NULL AND ${where.sql}
        GROUP BY c.call_id, f.instrument_code
     )
     SELECT call_id, k.title, instrument_code, env.envelope_cents,
            COALESCE(spent.earmarked_cents, 0) AS earmarked_cents, COALESCE(spent.requested_cents, 0) AS requested_cents,
            COALESCE(spent.approved_cents, 0) AS approved_cents, COALESCE(spent.released_cents, 0) AS released_cents,
            COALESCE(spent.remaining_cents, 0) AS remaining_cents,
            COALESCE(env.envelope_cents, 0) - COALESCE(spent.earmarked_cents, 0) AS unallocated_cents
       FROM env FULL JOIN spent USING (call_id, instrument_code) JOIN calls k ON k.id = call_id
      ORDER BY k.opened_at DESC, call_id, instrument_code`,
    params: [f.callId ?? null, ...where.params],
    map: (rows) =>
      (rows as Row[]).map((r) => ({ callId: r.call_id, callTitle: r.title, instrumentCode: r.instrument_code, envelopeCents: centsOf(r.envelope_cents), unallocatedCents: centsOf(r.unallocated_cents), ...figuresOf(r) })),
  };
}

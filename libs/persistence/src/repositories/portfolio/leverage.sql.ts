import type { PortfolioFilter } from '@cluster/domain';
import { CASE_BUDGET_FIGURES_SQL, centsOf } from '../case-budget-figures.sql';
import { caseCondition } from './case-filter.sql';
import type { Statement } from './statement.sql';

export interface LeverageRow {
  caseId: string;
  clusterName: string;
  partnerCommitmentsCents: number;
  earmarkedCents: number;
}

/**
 * Per cluster with a signed agreement or an earmark: the partners' financial commitments in the
 * agreement version in force against the government's earmarks from its budget page (the rule:
 * libs/domain/src/portfolio.ts, "Leverage").
 */
export function leverageRows(f: PortfolioFilter): Statement<LeverageRow[]> {
  const where = caseCondition(f);
  type Row = { id: string; cluster_name: string; partner_cents: string | null; earmarked_cents: string | null };
  return {
    sql: `WITH partners AS (
       SELECT v.case_id,
              COALESCE(sum((cm->>'amountCents')::bigint) FILTER (WHERE p->>'kind' <> 'government' AND cm->>'kind' = 'financial'), 0)::bigint AS partner_cents
         FROM agreement_versions v
         LEFT JOIN LATERAL jsonb_array_elements(v.content->'parties') p ON TRUE
         LEFT JOIN LATERAL jsonb_array_elements(p->'commitments') cm ON TRUE
        WHERE v.status = 'signed'
        GROUP BY v.case_id
     ), government AS (
       SELECT f.case_id, sum(f.earmarked_cents)::bigint AS earmarked_cents FROM (${CASE_BUDGET_FIGURES_SQL}) f GROUP BY f.case_id
     )
     SELECT c.id, c.cluster_name, partners.partner_cents, government.earmarked_cents
       FROM cases c
       LEFT JOIN partners ON partners.case_id = c.id
       LEFT JOIN government ON government.case_id = c.id
      WHERE (partners.case_id IS NOT NULL OR government.case_id IS NOT NULL) AND ${where.sql}
      ORDER BY c.cluster_name, c.id`,
    params: where.params,
    map: (rows) => (rows as Row[]).map((r) => ({ caseId: r.id, clusterName: r.cluster_name, partnerCommitmentsCents: centsOf(r.partner_cents), earmarkedCents: centsOf(r.earmarked_cents) })),
  };
}

import { useTranslation } from 'react-i18next';
import { GroupedBars } from '../../components/charts/GroupedBars';
import { DataTable } from '../../components/DataTable';
import { formatCents } from '../../format';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

const KINDS = ['earmarkedCents', 'requestedCents', 'releasedCents', 'remainingCents'] as const;
const COLORS: Record<(typeof KINDS)[number], string> = { earmarkedCents: '#003d6e', requestedCents: '#6a1b9a', releasedCents: '#2e7d32', remainingCents: '#8a4b00' };

/** Per instrument across the cases: earmarked, requested, released, remaining (the sum of the cases' budget pages). */
export function BudgetSection({ o, query }: { o: Portfolio; query: PortfolioQuery }) {
  const { t } = useTranslation();
  const rows = o.budget.instruments;
  const word = (k: (typeof KINDS)[number]) => t(`portfolio.budget.${k}`);
  const description = t('portfolio.budget.chartDesc', { lines: rows.map((r) => `${r.instrumentCode}: ${KINDS.map((k) => `${word(k)} ${formatCents(r[k])}`).join(', ')}`).join('; ') });
  return (
    <SectionFrame
      section="budget"
      query={query}
      intro={t('portfolio.budget.intro')}
      empty={rows.length === 0 && t('portfolio.budget.none')}
      chart={<GroupedBars title={t('portfolio.budget.chartTitle')} description={description} series={KINDS.map((k) => ({ label: word(k), color: COLORS[k] }))} groups={rows.map((r) => ({ label: r.instrumentCode, values: KINDS.map((k) => r[k]) }))} format={formatCents} />}
    >
      <DataTable caption={t('portfolio.budget.title')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.budget.title') })} columns={[t('portfolio.budget.instrument'), ...KINDS.map(word)]}>
        {[...rows.map((r) => ({ label: r.instrumentCode, f: r })), { label: t('portfolio.total'), f: o.budget.total }].map(({ label, f }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {KINDS.map((k) => (
              <td key={k} className="cp-num">
                {formatCents(f[k])}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </SectionFrame>
  );
}

import { useTranslation } from 'react-i18next';
import { GroupedBars } from '../../components/charts/GroupedBars';
import { DataTable } from '../../components/DataTable';
import { formatCents } from '../../format';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

const KINDS = ['envelopeCents', 'earmarkedCents', 'releasedCents'] as const;
const COLORS: Record<(typeof KINDS)[number], string> = { envelopeCents: '#5c5c5c', earmarkedCents: '#003d6e', releasedCents: '#2e7d32' };

/** Per call and instrument: the envelope beside what its cases hold (earmarked, released) and what is left unallocated. */
export function EnvelopeSection({ o, query }: { o: Portfolio; query: PortfolioQuery }) {
  const { t } = useTranslation();
  const rows = o.budget.envelopes;
  const word = (k: string) => t(`portfolio.envelopes.${k}`);
  const label = (r: (typeof rows)[number]) => `${r.instrumentCode} · ${r.callTitle}`;
  const description = t('portfolio.envelopes.chartDesc', { lines: rows.map((r) => `${label(r)}: ${KINDS.map((k) => `${word(k)} ${formatCents(r[k])}`).join(', ')}`).join('; ') });
  return (
    <SectionFrame
      section="envelopes"
      query={query}
      empty={rows.length === 0 && t('portfolio.envelopes.none')}
      chart={<GroupedBars title={t('portfolio.envelopes.chartTitle')} description={description} series={KINDS.map((k) => ({ label: word(k), color: COLORS[k] }))} groups={rows.map((r) => ({ label: label(r), values: KINDS.map((k) => r[k]) }))} format={formatCents} />}
    >
      <DataTable caption={t('portfolio.envelopes.title')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.envelopes.title') })} columns={[t('portfolio.envelopes.call'), t('portfolio.budget.instrument'), word('envelopeCents'), word('earmarkedCents'), t('portfolio.budget.requestedCents'), word('releasedCents'), word('unallocatedCents')]}>
        {rows.map((r) => (
          <tr key={`${r.callId}-${r.instrumentCode}`}>
            <th scope="row">{r.callTitle}</th>
            <td>{r.instrumentCode}</td>
            <td className="cp-num">{formatCents(r.envelopeCents)}</td>
            <td className="cp-num">{formatCents(r.earmarkedCents)}</td>
            <td className="cp-num">{formatCents(r.requestedCents)}</td>
            <td className="cp-num">{formatCents(r.releasedCents)}</td>
            <td className={r.unallocatedCents < 0 ? 'cp-num pf-over' : 'cp-num'}>{formatCents(r.unallocatedCents)}</td>
          </tr>
        ))}
      </DataTable>
    </SectionFrame>
  );
}

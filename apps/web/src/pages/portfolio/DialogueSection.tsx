import { useTranslation } from 'react-i18next';
import { StackedBars } from '../../components/charts/StackedBars';
import { DataTable } from '../../components/DataTable';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

const OUTCOMES = ['on_track', 'attention', 'off_track'] as const;
const COLORS = { on_track: '#1d5e20', attention: '#8a4b00', off_track: '#a4000f' } as const;

/** Dialogue outcomes over time: per cycle how many clusters were on track, needed attention or were off track; per cluster in the table. */
export function DialogueSection({ o, query }: { o: Portfolio; query: PortfolioQuery }) {
  const { t } = useTranslation();
  const word = (k: string) => t(`portfolio.dialogue.${k}`);
  const cycles = o.dialogue.perCycle;
  const maxCycle = Math.max(0, ...cycles.map((c) => c.cycle));
  const description = t('portfolio.dialogue.chartDesc', { lines: cycles.map((c) => `${t('portfolio.dialogue.cycle', { n: c.cycle })}: ${OUTCOMES.map((k) => `${word(k)} ${c[k]}`).join(', ')}`).join('; ') });
  return (
    <SectionFrame
      section="dialogue"
      query={query}
      empty={cycles.length === 0 && t('portfolio.dialogue.none')}
      chart={<StackedBars title={t('portfolio.dialogue.chartTitle')} description={description} series={OUTCOMES.map((k) => ({ label: word(k), color: COLORS[k] }))} rows={cycles.map((c) => ({ label: t('portfolio.dialogue.cycle', { n: c.cycle }), values: OUTCOMES.map((k) => c[k]) }))} />}
    >
      <DataTable caption={t('portfolio.dialogue.tableCaption')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.dialogue.tableCaption') })} columns={[t('portfolio.cluster'), ...Array.from({ length: maxCycle }, (_, i) => t('portfolio.dialogue.cycle', { n: i + 1 }))]} className="pf-wide">
        {o.dialogue.clusters.map((c) => (
          <tr key={c.caseId}>
            <th scope="row">{c.clusterName}</th>
            {Array.from({ length: maxCycle }, (_, i) => {
              const outcome = c.cycles.find((y) => y.cycle === i + 1)?.outcome;
              return <td key={i}>{outcome ? <span className={`pf-outcome pf-${outcome}`}>{word(outcome)}</span> : '—'}</td>;
            })}
          </tr>
        ))}
      </DataTable>
    </SectionFrame>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GroupedBars } from '../../components/charts/GroupedBars';
import { DataTable } from '../../components/DataTable';
import { formatCents } from '../../format';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

/** The chart shows the clusters with the most money at stake; the table lists them all. */
const CHART_CLUSTERS = 12;

/** Per cluster: partners' financial commitments against the government's earmarks (criterion 9). */
export function LeverageSection({ o, query }: { o: Portfolio; query: PortfolioQuery }) {
  const { t, i18n } = useTranslation();
  const ratio = (r: number | null | undefined) => (r == null ? '—' : `× ${r.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-BE')}`);
  const rows = o.leverage.clusters;
  const top = [...rows].sort((a, b) => b.earmarkedCents + b.partnerCommitmentsCents - (a.earmarkedCents + a.partnerCommitmentsCents)).slice(0, CHART_CLUSTERS);
  const description = t('portfolio.leverage.chartDesc', {
    shown: top.length,
    total: rows.length,
    lines: top.map((r) => `${r.clusterName}: ${t('portfolio.leverage.partners')} ${formatCents(r.partnerCommitmentsCents)}, ${t('portfolio.leverage.earmarked')} ${formatCents(r.earmarkedCents)}`).join('; '),
  });
  return (
    <SectionFrame
      section="leverage"
      query={query}
      intro={`${o.leverage.basis[i18n.language === 'en' ? 'en' : 'nl']} ${t('portfolio.leverage.overall', { ratio: ratio(o.leverage.ratio) })}`}
      empty={rows.length === 0 && t('portfolio.leverage.none')}
      chart={
        <GroupedBars
          title={t('portfolio.leverage.chartTitle', { shown: top.length })}
          description={description}
          series={[
            { label: t('portfolio.leverage.partners'), color: '#6a1b9a' },
            { label: t('portfolio.leverage.earmarked'), color: '#003d6e' },
          ]}
          groups={top.map((r) => ({ label: r.clusterName, values: [r.partnerCommitmentsCents, r.earmarkedCents] }))}
          format={formatCents}
        />
      }
    >
      <DataTable caption={t('portfolio.leverage.title')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.leverage.title') })} columns={[t('portfolio.cluster'), t('portfolio.leverage.partners'), t('portfolio.leverage.earmarked'), t('portfolio.leverage.ratio')]}>
        {rows.map((r) => (
          <tr key={r.caseId}>
            <th scope="row">
              <Link to={`/cases/${r.caseId}`}>{r.clusterName}</Link>
            </th>
            <td className="cp-num">{formatCents(r.partnerCommitmentsCents)}</td>
            <td className="cp-num">{formatCents(r.earmarkedCents)}</td>
            <td className="cp-num">{ratio(r.ratio)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('portfolio.total')}</th>
          <td className="cp-num">{formatCents(o.leverage.partnerCommitmentsCents)}</td>
          <td className="cp-num">{formatCents(o.leverage.earmarkedCents)}</td>
          <td className="cp-num">{ratio(o.leverage.ratio)}</td>
        </tr>
      </DataTable>
    </SectionFrame>
  );
}

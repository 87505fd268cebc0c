import { useTranslation } from 'react-i18next';
import { GroupedBars } from '../../components/charts/GroupedBars';
import { DataTable } from '../../components/DataTable';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

const COLOR = '#003d6e';

/** Cases by stage, every stage in process order: a funnel over all, and per call and year in the table. */
export function FunnelSection({ o, query }: { o: Portfolio; query: PortfolioQuery }) {
  const { t } = useTranslation();
  const stage = (s: string) => t(`stage.${s}`);
  const description = t('portfolio.funnel.chartDesc', { total: o.funnel.total, stages: o.funnel.stages.map((s) => `${stage(s.stage)}: ${s.count}`).join('; ') });
  return (
    <SectionFrame
      section="funnel"
      query={query}
      empty={o.funnel.total === 0 && t('portfolio.funnel.none')}
      chart={<GroupedBars title={t('portfolio.funnel.chartTitle')} description={description} series={[{ label: t('portfolio.funnel.cases'), color: COLOR }]} groups={o.funnel.stages.map((s) => ({ label: stage(s.stage), values: [s.count] }))} format={String} />}
    >
      <DataTable caption={t('portfolio.funnel.tableCaption')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.funnel.tableCaption') })} columns={[t('portfolio.funnel.group'), ...o.funnel.stages.map((s) => stage(s.stage)), t('portfolio.total')]} className="pf-wide">
        {o.funnel.groups.map((g) => (
          <tr key={`${g.callId ?? 'none'}-${g.year}`}>
            <th scope="row">
              {g.callTitle ?? t('portfolio.filters.noCall')} · {g.year}
            </th>
            {g.stages.map((s) => (
              <td key={s.stage} className="cp-num">
                {s.count}
              </td>
            ))}
            <td className="cp-num">{g.total}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('portfolio.total')}</th>
          {o.funnel.stages.map((s) => (
            <td key={s.stage} className="cp-num">
              {s.count}
            </td>
          ))}
          <td className="cp-num">{o.funnel.total}</td>
        </tr>
      </DataTable>
    </SectionFrame>
  );
}

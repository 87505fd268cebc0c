import { useTranslation } from 'react-i18next';
import { GroupedBars } from '../../components/charts/GroupedBars';
import { DataTable } from '../../components/DataTable';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

/** Per council: median and slowest days from request to advice, and how often the term passed without advice. */
export function CouncilSection({ o, query }: { o: Portfolio; query: PortfolioQuery }) {
  const { t, i18n } = useTranslation();
  const days = (d: number | null | undefined) => (d == null ? '—' : t('portfolio.councils.days', { days: d.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-BE') }));
  const description = t('portfolio.councils.chartDesc', {
    lines: o.councils.map((c) => t('portfolio.councils.chartLine', { council: c.councilCode, median: days(c.medianDays), slowest: days(c.slowestDays), lapsed: c.lapsed })).join('; '),
  });
  return (
    <SectionFrame
      section="councils"
      query={query}
      empty={o.councils.length === 0 && t('portfolio.councils.none')}
      chart={
        <GroupedBars
          title={t('portfolio.councils.chartTitle')}
          description={description}
          series={[
            { label: t('portfolio.councils.median'), color: '#003d6e' },
            { label: t('portfolio.councils.slowest'), color: '#a4000f' },
          ]}
          groups={o.councils.map((c) => ({ label: c.councilCode, values: [c.medianDays ?? 0, c.slowestDays ?? 0] }))}
          format={(v) => days(v)}
        />
      }
    >
      <DataTable caption={t('portfolio.councils.title')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.councils.title') })} columns={[t('portfolio.councils.council'), t('portfolio.councils.requested'), t('portfolio.councils.advised'), t('portfolio.councils.median'), t('portfolio.councils.slowest'), t('portfolio.councils.lapsed'), t('portfolio.councils.open')]}>
        {o.councils.map((c) => (
          <tr key={c.councilCode}>
            <th scope="row">{c.councilCode}</th>
            <td className="cp-num">{c.requested}</td>
            <td className="cp-num">{c.advised}</td>
            <td className="cp-num">{days(c.medianDays)}</td>
            <td className="cp-num">{days(c.slowestDays)}</td>
            <td className="cp-num">{c.lapsed}</td>
            <td className="cp-num">{c.open}</td>
          </tr>
        ))}
      </DataTable>
    </SectionFrame>
  );
}

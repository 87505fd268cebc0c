import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../format';
import { SectionFrame } from './SectionFrame';
import type { Portfolio, PortfolioQuery } from './types';

/** Terms and tasks past due now: how many, and the oldest, with the case and what is due. */
export function OverdueSection({ o, query, onPage }: { o: Portfolio; query: PortfolioQuery; onPage: (offset: number) => void }) {
  const { t, i18n } = useTranslation();
  const d = o.overdue;
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <SectionFrame section="overdue" query={query} intro={t('portfolio.overdue.count', { count: d.total })} empty={d.total === 0 && t('portfolio.overdue.none')}>
      <DataTable caption={t('portfolio.overdue.title')} scrollLabel={t('portfolio.tableRegion', { name: t('portfolio.overdue.title') })} columns={[t('portfolio.overdue.case'), t('portfolio.overdue.what'), t('portfolio.overdue.due'), t('portfolio.overdue.late')]}>
        {d.items.map((i) => (
          <tr key={i.taskId}>
            <th scope="row">
              <Link to={`/cases/${i.caseId}`}>{i.caseName}</Link>
            </th>
            <td>{i.what[lang]}</td>
            <td>{formatDate(i.dueAt)}</td>
            <td className="cp-num">{t('portfolio.overdue.days', { count: i.daysOverdue })}</td>
          </tr>
        ))}
      </DataTable>
      {d.total > d.limit ? (
        <div className="pager">
          <button type="button" disabled={d.offset === 0} onClick={() => onPage(Math.max(0, d.offset - d.limit))}>
            {t('portfolio.overdue.previous')}
          </button>
          <span>{t('portfolio.overdue.range', { from: d.offset + 1, to: Math.min(d.total, d.offset + d.limit), total: d.total })}</span>
          <button type="button" disabled={d.offset + d.limit >= d.total} onClick={() => onPage(d.offset + d.limit)}>
            {t('portfolio.overdue.next')}
          </button>
        </div>
      ) : null}
    </SectionFrame>
  );
}

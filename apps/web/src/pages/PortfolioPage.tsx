import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';
import { formatDateTime } from '../format';
import { BudgetSection } from './portfolio/BudgetSection';
import { CouncilSection } from './portfolio/CouncilSection';
import { DialogueSection } from './portfolio/DialogueSection';
import { EnvelopeSection } from './portfolio/EnvelopeSection';
import { EuropeanSection } from './portfolio/EuropeanSection';
import { FunnelSection } from './portfolio/FunnelSection';
import { LeverageSection } from './portfolio/LeverageSection';
import { OverdueSection } from './portfolio/OverdueSection';
import { PortfolioFilters } from './portfolio/PortfolioFilters';
import { usePortfolioFilter } from './portfolio/usePortfolioFilter';
import './portfolio/portfolio.css';

const OVERDUE_PAGE = 10;

/** Portefeuille / Portfolio: the overview across cases for civil servants, policy owners and auditors. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const [query, setQuery] = usePortfolioFilter();
  const [overdueOffset, setOverdueOffset] = useState(0);
  const read = useApiQuery(queryKeys.portfolio({ ...query, overdueOffset }), () =>
    api.GET('/api/portfolio', { params: { query: { callId: query.callId, year: query.year, overdueLimit: OVERDUE_PAGE, overdueOffset } } }),
  );
  const o = read.data;
  const choose = (q: typeof query) => {
    setOverdueOffset(0);
    setQuery(q);
  };
  return (
    <>
      <h1>{t('portfolio.title')}</h1>
      <p>{t('portfolio.intro')}</p>
      <PortfolioFilters query={query} choices={o?.choices ?? null} onChange={choose} />
      {read.error ? <LoadError error={read.error} /> : null}
      {!o ? (
        read.error ? null : <Loading />
      ) : (
        <div aria-busy={read.loading}>
          <p className="hint">{t('portfolio.asOf', { at: formatDateTime(o.asOf) })}</p>
          <FunnelSection o={o} query={query} />
          <BudgetSection o={o} query={query} />
          <EnvelopeSection o={o} query={query} />
          <CouncilSection o={o} query={query} />
          <DialogueSection o={o} query={query} />
          <LeverageSection o={o} query={query} />
          <EuropeanSection />
          <OverdueSection o={o} query={query} onPage={setOverdueOffset} />
        </div>
      )}
    </>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvButton } from './CsvButton';
import type { PortfolioQuery, PortfolioSection } from './types';

/** One section of the overview: its heading, the chart beside its table, and its CSV download. */
export function SectionFrame({ section, query, intro, empty, chart, children }: { section: PortfolioSection; query: PortfolioQuery; intro?: string; empty?: string | false; chart?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="panel pf-section" aria-labelledby={`pf-${section}`}>
      <h2 id={`pf-${section}`}>{t(`portfolio.${section}.title`)}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      {empty ? (
        <p>{empty}</p>
      ) : (
        <div className="pf-pair">
          {chart ? <div className="pf-chart">{chart}</div> : null}
          <div className="pf-table">{children}</div>
        </div>
      )}
      <CsvButton section={section} query={query} />
    </section>
  );
}

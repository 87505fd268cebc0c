import { useTranslation } from 'react-i18next';
import type { Portfolio, PortfolioQuery } from './types';

/** Call (all, outside any call, or one) and year of creation; the overview follows each choice at once. */
export function PortfolioFilters({ query, choices, onChange }: { query: PortfolioQuery; choices: Portfolio['choices'] | null; onChange: (q: PortfolioQuery) => void }) {
  const { t } = useTranslation();
  return (
    <form className="filters" aria-label={t('portfolio.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="pf-call">{t('portfolio.filters.call')}</label>
        <select id="pf-call" value={query.callId ?? ''} onChange={(e) => onChange({ ...query, callId: e.target.value || undefined })}>
          <option value="">{t('portfolio.filters.allCalls')}</option>
          <option value="none">{t('portfolio.filters.noCall')}</option>
          {choices?.calls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pf-year">{t('portfolio.filters.year')}</label>
        <select id="pf-year" value={query.year ?? ''} onChange={(e) => onChange({ ...query, year: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{t('portfolio.filters.allYears')}</option>
          {choices?.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

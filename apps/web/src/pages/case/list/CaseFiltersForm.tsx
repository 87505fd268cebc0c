import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../auth/session';
import { CASE_STAGES, type CaseStage } from '../stages';
import type { CaseFilters } from './useCaseFilters';

/**
 * Filters of the case list: stage, account manager, overdue work, pilot trajectory (applied at
 * once) and a search by name (applied with the search button or Enter).
 */
export function CaseFiltersForm({ filters, onChange, handlers, me }: { filters: CaseFilters; onChange: (changes: Partial<CaseFilters>) => void; handlers: Person[]; me: Person | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.search);
  const iHandleCases = Boolean(me?.roles.includes('case_handler'));
  const showManager = iHandleCases || handlers.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ search: search.trim() });
  };

  return (
    <form role="search" aria-label={t('cases.filters.label')} className="cl-filters" onSubmit={submit}>
      <div>
        <label htmlFor="filter-search">{t('cases.filters.search')}</label>
        <input id="filter-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />{' '}
        <button type="submit">{t('cases.filters.searchButton')}</button>
      </div>
      <div>
        <label htmlFor="filter-stage">{t('cases.filters.stage')}</label>
        <select id="filter-stage" value={filters.stage} onChange={(e) => onChange({ stage: e.target.value as CaseStage | '' })}>
          <option value="">{t('cases.filters.allStages')}</option>
          {CASE_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {showManager ? (
        <div>
          <label htmlFor="filter-manager">{t('cases.filters.manager')}</label>
          <select id="filter-manager" value={filters.manager} onChange={(e) => onChange({ manager: e.target.value })}>
            <option value="">{t('cases.filters.everyone')}</option>
            {iHandleCases ? <option value="mine">{t('cases.filters.mine')}</option> : null}
            {handlers
              .filter((h) => h.id !== me?.id)
              .map((h) => (
                <option key={h.id} value={h.id}>
                  {h.displayName}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      <div className="cl-check">
        <input id="filter-overdue" type="checkbox" checked={filters.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} />
        <label htmlFor="filter-overdue">{t('cases.filters.overdue')}</label>
      </div>
      <div className="cl-check">
        <input id="filter-pilot" type="checkbox" checked={filters.pilot} onChange={(e) => onChange({ pilot: e.target.checked })} />
        <label htmlFor="filter-pilot">{t('cases.filters.pilot')}</label>
      </div>
    </form>
  );
}

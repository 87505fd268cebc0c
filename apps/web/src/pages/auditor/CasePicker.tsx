import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { FieldError } from '../../components/FieldErrors';
import { formatDate } from '../../format';
import type { CaseSummary } from './types';

/** Find a case by (part of) its cluster name and choose it. */
export function CasePicker({ onChoose }: { onChoose: (c: CaseSummary) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<CaseSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.GET('/api/cases', { params: { query: { search: search.trim() || undefined, limit: 50 } } });
    setBusy(false);
    setResults(data?.items ?? []);
    setError(error ? errorOf(error) : null);
  };

  return (
    <section aria-labelledby="case-picker-title">
      <h2 id="case-picker-title">{t('auditor.picker.title')}</h2>
      <form onSubmit={(e) => void find(e)} noValidate role="search" aria-label={t('auditor.picker.title')}>
        <label htmlFor="case-search">{t('auditor.picker.search')}</label>
        <input id="case-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="case-search-hint" />{' '}
        <button type="submit">{t('auditor.picker.find')}</button>
        <span id="case-search-hint" className="hint">
          {t('auditor.picker.hint')}
        </span>
        <FieldError error={error} field="search" id="case-search-error" />
      </form>
      {results !== null || busy ? (
        <AsyncState loading={busy} error={error?.fieldErrors?.length ? null : error} empty={results?.length === 0}>
          <ul className="result-list" aria-label={t('auditor.picker.results')}>
            {results?.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onChoose(c)}>
                  <strong>{c.clusterName}</strong> — {t(`auditor.stage.${c.stage}`)}, {t('auditor.picker.opened', { date: formatDate(c.createdAt) })}
                </button>
              </li>
            ))}
          </ul>
        </AsyncState>
      ) : null}
    </section>
  );
}

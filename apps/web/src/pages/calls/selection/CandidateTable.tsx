import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../format';
import { nextSort, requestedTotal, sortCandidates, type SortKey, type SortState } from './sortCandidates';
import { criterionText, type Comparison } from './types';

/** Still drafting while registration is open is not yet "not in time". */
const standingWord = (standing: string, registrationClosed: boolean) => (standing === 'not_in_time' && !registrationClosed ? 'drafting' : standing);

const decimal = new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const mean = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 });

/**
 * The candidates side by side, one row each: standing in words, weighted score, proposed rank,
 * the total requested, and per criterion the assessors' mean with its spread. Sortable by rank,
 * score, name and request; the sorted column carries aria-sort and a status line says the order.
 */
export function CandidateTable({ comparison }: { comparison: Comparison }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<SortState>({ key: 'rank', direction: 'ascending' });
  const rows = sortCandidates(comparison.candidates, sort);
  const codes = comparison.criteria.length ? comparison.criteria.map((c) => c.code) : [...new Set(comparison.candidates.flatMap((c) => c.criteria.map((x) => x.code)))];
  const label = (key: SortKey) => t(`callPage.selection.sort.${key}`);

  const header = (key: SortKey, className?: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.direction : undefined} className={className}>
      <button type="button" className="sel-sort" onClick={() => setSort((s) => nextSort(s, key))}>
        {label(key)}
        <span aria-hidden="true">{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <>
      <div className="cp-scroll sel-scroll" role="region" aria-label={t('callPage.selection.tableRegion')} tabIndex={0}>
        <table className="sel-table">
          <caption className="visually-hidden">{t('callPage.selection.caption')}</caption>
          <thead>
            <tr>
              {header('name')}
              <th scope="col">{t('callPage.selection.standingColumn')}</th>
              {header('score', 'cp-num')}
              {header('rank', 'cp-num')}
              {header('requested', 'cp-num')}
              {codes.map((code) => {
                const text = criterionText(comparison, code, i18n.language);
                return (
                  <th scope="col" key={code} className="cp-num">
                    {code}
                    {text ? <span className="visually-hidden"> {text}</span> : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.caseId}>
                <th scope="row">
                  <Link to={`/cases/${c.caseId}`}>{c.clusterName}</Link>
                </th>
                <td>{t(`callPage.selection.standing.${standingWord(c.standing, comparison.registrationClosed)}`)}</td>
                <td className="cp-num">{c.weightedScore == null ? '—' : decimal.format(c.weightedScore)}</td>
                <td className="cp-num">{c.proposedRank ?? '—'}</td>
                <td className="cp-num">{formatCents(requestedTotal(c))}</td>
                {codes.map((code) => {
                  const s = c.criteria.find((x) => x.code === code);
                  return (
                    <td key={code} className="cp-num">
                      {s && s.scores.length ? (
                        <>
                          {mean.format(s.mean)}
                          <span className="cp-note">{t('callPage.selection.spread', { spread: s.spread })}</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="cp-note">
        {t('callPage.selection.sortedBy', { column: label(sort.key).toLocaleLowerCase(i18n.language), direction: t(`callPage.selection.direction.${sort.direction}`) })}
      </p>
    </>
  );
}

import { useSearchParams } from 'react-router-dom';
import type { PortfolioQuery } from './types';

/** The filter lives in the address, so an overview can be bookmarked and shared as it was chosen. */
export function usePortfolioFilter(): [PortfolioQuery, (q: PortfolioQuery) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year'));
  const query: PortfolioQuery = { callId: params.get('callId') || undefined, year: Number.isInteger(year) && year > 0 ? year : undefined };
  const set = (q: PortfolioQuery) => {
    const next = new URLSearchParams();
    if (q.callId) next.set('callId', q.callId);
    if (q.year) next.set('year', String(q.year));
    setParams(next, { replace: true });
  };
  return [query, set];
}

/** The same filter as an API query string (for the CSV downloads). */
export function queryString(q: PortfolioQuery): string {
  const p = new URLSearchParams();
  if (q.callId) p.set('callId', q.callId);
  if (q.year) p.set('year', String(q.year));
  return p.toString();
}

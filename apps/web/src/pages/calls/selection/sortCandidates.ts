import type { Candidate } from './types';

/** The columns the comparison can be sorted by. */
export type SortKey = 'rank' | 'score' | 'name' | 'requested';
export type Direction = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: Direction;
}

/** What a first click on a column sorts by: the best first (rank 1, the highest score), names A–Z, the largest request first. */
export const FIRST_DIRECTION: Record<SortKey, Direction> = { rank: 'ascending', score: 'descending', name: 'ascending', requested: 'descending' };

/** The sum of what a candidate requests over every instrument, in integer cents. */
export const requestedTotal = (c: Pick<Candidate, 'requested'>): number => c.requested.reduce((sum, r) => sum + r.amountCents, 0);

const value = (c: Candidate, key: SortKey): number | string | null => {
  if (key === 'rank') return c.proposedRank ?? null;
  if (key === 'score') return c.weightedScore ?? null;
  if (key === 'requested') return requestedTotal(c);
  return c.clusterName;
};

/**
 * The candidates in the chosen order. A candidate without a rank or score (not eligible, or not
 * scored) comes last in either direction, so flipping the order never puts the ineligible on top;
 * ties keep the API's order (eligible by rank first), which is deterministic.
 */
export function sortCandidates(candidates: readonly Candidate[], sort: SortState): Candidate[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const x = value(a.c, sort.key);
      const y = value(b.c, sort.key);
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'nl') : Number(x) - Number(y);
      return order * sign || a.i - b.i;
    })
    .map(({ c }) => c);
}

/** The next sort state when a column's button is pressed: that column first-direction, or the same column flipped. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

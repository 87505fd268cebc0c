import { api } from '../api/client';
import { queryKeys } from './keys';
import { useApiQuery } from './useApiQuery';

/** The most recent 200 cases by id and name (to name a case where only its id is known); empty while loading or if not allowed. */
export function useCaseNames(): { id: string; clusterName: string }[] {
  return useApiQuery(queryKeys.caseNames(), () => api.GET('/api/cases', { params: { query: { limit: 200 } } })).data?.items ?? [];
}

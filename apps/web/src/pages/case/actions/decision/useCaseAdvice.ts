import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

export type AdviceRequest = components['schemas']['AdviceRequestDto'];

/** The case's advice requests of the latest round, by council code. */
export function useCaseAdvice(caseId: string) {
  const { data, error, pending: loading } = useApiQuery(queryKeys.caseAdviceRequests(caseId), () => api.GET('/api/advice-requests', { params: { query: { caseId, limit: 200 } } }));
  const items = data?.items ?? [];
  const round = Math.max(0, ...items.map((r) => r.round));
  return { byCouncil: new Map(items.filter((r) => r.round === round).map((r) => [r.councilCode, r])), error, loading };
}

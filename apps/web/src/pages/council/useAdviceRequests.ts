import { api } from '../../api/client';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import type { AdviceRequest } from './types';

export const PAGE_SIZE = 50;

/** One page of this council's advice requests with a status (the API limits a member to their council). */
export function useAdviceRequests(status: AdviceRequest['status'], offset: number) {
  const query = { status, limit: PAGE_SIZE, offset };
  // Another status or page starts from "loading", as it always did.
  const answer = useApiQuery(queryKeys.adviceRequestList(query), () => api.GET('/api/advice-requests', { params: { query } }), { keepPrevious: false });
  const page: { items: AdviceRequest[]; total: number } | null = answer.pending ? null : (answer.data ?? { items: [], total: 0 });
  return { page, error: answer.error };
}

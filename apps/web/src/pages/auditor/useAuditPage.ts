import { queryKeys } from '../../data/keys';
import { useApiQuery, type Answer } from '../../data/useApiQuery';
import type { AuditEvent } from './types';

export const AUDIT_PAGE_SIZE = 50;

type Fetch = (offset: number) => Promise<Answer<{ items: AuditEvent[]; total: number }>>;

/** One page of audit events from `fetchPage`, read again when `key` (what it reads, with the filters) or the offset changes. */
export function useAuditPage(fetchPage: Fetch, key: string, offset: number) {
  // Other filters or another page start from "loading", as they always did.
  const answer = useApiQuery(queryKeys.auditPage(key, offset), () => fetchPage(offset), { keepPrevious: false });
  const page: { items: AuditEvent[]; total: number } | null = answer.pending ? null : answer.data ? { items: answer.data.items, total: answer.data.total } : { items: [], total: 0 };
  return { page, error: answer.error };
}

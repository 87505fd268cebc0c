import { useEffect, useState } from 'react';
import { errorOf, type ApiError } from '../../api/client';
import type { AuditEvent } from './types';

export const AUDIT_PAGE_SIZE = 50;

type Fetch = (offset: number) => Promise<{ data?: { items: AuditEvent[]; total: number }; error?: unknown }>;

/** One page of audit events from `fetchPage`, refetched when `key` (the filters) or the offset changes. */
export function useAuditPage(fetchPage: Fetch, key: string, offset: number) {
  const [page, setPage] = useState<{ items: AuditEvent[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    setPage(null);
    void fetchPage(offset).then(({ data, error }) => {
      if (!current) return;
      setPage(data ? { items: data.items, total: data.total } : { items: [], total: 0 });
      setError(error ? errorOf(error) : null);
    });
    return () => {
      current = false;
    };
    // fetchPage is rebuilt each render; `key` stands for what it depends on.
  }, [key, offset]);
  return { page, error };
}

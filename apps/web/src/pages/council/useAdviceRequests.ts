import { useEffect, useState } from 'react';
import { api, errorOf, type ApiError } from '../../api/client';
import type { AdviceRequest } from './types';

export const PAGE_SIZE = 50;

/** One page of this council's advice requests with a status (the API limits a member to their council). */
export function useAdviceRequests(status: AdviceRequest['status'], offset: number) {
  const [page, setPage] = useState<{ items: AdviceRequest[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    setPage(null);
    void api.GET('/api/advice-requests', { params: { query: { status, limit: PAGE_SIZE, offset } } }).then(({ data, error }) => {
      if (!current) return;
      setPage(data ? { items: data.items, total: data.total } : { items: [], total: 0 });
      setError(error ? errorOf(error) : null);
    });
    return () => {
      current = false;
    };
  }, [status, offset]);
  return { page, error };
}

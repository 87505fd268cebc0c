import { useEffect, useState } from 'react';
import { api, errorOf, type ApiError } from '../../api/client';
import type { AdviceDocument, AdviceRequestDetail } from './types';

/** One advice request with what it is about, and the documents the council attached to it. */
export function useAdviceRequest(id: string, reload: number) {
  const [request, setRequest] = useState<AdviceRequestDetail | null>(null);
  const [documents, setDocuments] = useState<AdviceDocument[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    const path = { params: { path: { id } } };
    void Promise.all([api.GET('/api/advice-requests/{id}', path), api.GET('/api/advice-requests/{id}/documents', path)]).then(([detail, docs]) => {
      if (!current) return;
      setRequest(detail.data ?? null);
      setDocuments(docs.data ?? []);
      setError(detail.error ? errorOf(detail.error) : docs.error ? errorOf(docs.error) : null);
    });
    return () => {
      current = false;
    };
  }, [id, reload]);
  return { request, documents, error, loading: request === null && error === null };
}

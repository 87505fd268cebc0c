import { api } from '../../api/client';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';

/** One advice request with what it is about, and the documents the council attached to it. */
export function useAdviceRequest(id: string) {
  const path = { params: { path: { id } } };
  const detail = useApiQuery(queryKeys.adviceRequest(id), () => api.GET('/api/advice-requests/{id}', path));
  const documents = useApiQuery(queryKeys.adviceRequestDocuments(id), () => api.GET('/api/advice-requests/{id}/documents', path));
  const error = detail.error ?? documents.error;
  return { request: detail.data, documents: documents.pending ? null : (documents.data ?? []), error, loading: (detail.pending || documents.pending) && error === null };
}

import { tokenStore, type ApiError } from '../../api/client';
import type { AdviceDocument } from './types';

/**
 * Sends one file as multipart/form-data (field "file", optional "reason") with the bearer token;
 * the browser sets the boundary. Returns the stored document or the API's error body.
 */
export async function uploadDocument(path: string, file: File, reason: string): Promise<{ document?: AdviceDocument; error?: ApiError }> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (reason.trim()) form.append('reason', reason.trim());
  const token = tokenStore.get();
  const res = await fetch(path, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (res.ok) return { document: body as AdviceDocument };
  const error = body as ApiError;
  return { error: { ...error, statusCode: res.status, message: error.message ?? res.statusText } };
}

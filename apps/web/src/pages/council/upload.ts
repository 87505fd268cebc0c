import { apiHeaders, type ApiError } from '../../api/client';

/**
 * Sends one file as multipart/form-data (field "file", optional "reason", and any other form
 * fields) with the bearer token and the interface language (so the API words its refusal in it);
 * the browser sets the boundary. Returns the API's answer or its error body.
 */
export async function uploadForm<T>(path: string, file: File | null, fields: Record<string, string>): Promise<{ data?: T; error?: ApiError }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value.trim()) form.append(name, value.trim());
  if (file) form.append('file', file, file.name);
  const res = await fetch(path, { method: 'POST', body: form, headers: apiHeaders() });
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (res.ok) return { data: body as T };
  const error = body as ApiError;
  return { error: { ...error, statusCode: res.status, message: error.message ?? res.statusText } };
}

/** One document with an optional note ("reason"), as every document upload of the API takes it. */
export async function uploadDocument<D>(path: string, file: File, reason: string): Promise<{ document?: D; error?: ApiError }> {
  const { data, error } = await uploadForm<D>(path, file, { reason });
  return { document: data, error };
}

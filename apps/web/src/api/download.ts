import { apiHeaders, type ApiError } from './client';

/**
 * Downloads a file from the API with the bearer token (a plain link cannot send it): fetched as a
 * Blob, then saved through a temporary object-URL link with the given file name.
 */
export async function downloadWithToken(path: string, fileName: string): Promise<ApiError | null> {
  const res = await fetch(path, { headers: apiHeaders() });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ApiError;
    return { statusCode: res.status, message: body.message ?? res.statusText };
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start saving before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

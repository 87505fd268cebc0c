import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import i18n from '../i18n';

/** The bearer token of the signed-in user (kept for the browser tab only). */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem('token'),
  set: (token: string | null) => (token ? sessionStorage.setItem('token', token) : sessionStorage.removeItem('token')),
};

/**
 * What every request to the API carries: the token, and the language the API words its
 * validation messages in (the browser's own Accept-Language would not follow the switch).
 */
export function apiHeaders(): Record<string, string> {
  const token = tokenStore.get();
  return { 'Accept-Language': i18n.language === 'en' ? 'en' : 'nl', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

const auth: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(apiHeaders())) request.headers.set(name, value);
    return request;
  },
};

/** Typed from the API's OpenAPI document (src/api/schema.d.ts is generated, never edited). */
export const api = createClient<paths>({ baseUrl: '/' });
api.use(auth);

/** The API's error body: a message and, for 400, the messages per field. */
export interface ApiError {
  statusCode?: number;
  message?: string;
  fieldErrors?: { field: string; messages: string[] }[];
}

export function errorOf(error: unknown): ApiError {
  return (error ?? {}) as ApiError;
}

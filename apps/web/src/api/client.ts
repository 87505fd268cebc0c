import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The bearer token of the signed-in user (kept for the browser tab only). */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem('token'),
  set: (token: string | null) => (token ? sessionStorage.setItem('token', token) : sessionStorage.removeItem('token')),
};

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
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

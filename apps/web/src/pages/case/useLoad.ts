import { useEffect, useState } from 'react';
import { errorOf, type ApiError } from '../../api/client';

/** What openapi-fetch answers for a read. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  /** The HTTP status of a refusal (403, 404, …), to tell "not for you" from "went wrong". */
  status: number | null;
  loading: boolean;
  /** The server's clock when it answered (the Date header), for "as of now" reads. */
  answeredAt: string | null;
}

const LOADING: Loaded<never> = { data: null, error: null, status: null, loading: true, answeredAt: null };

/**
 * One read from the API (or none, when `load` answers null), again whenever `deps` change (the case page passes its revision so every
 * section reloads after an action). Answers that arrive after a newer request are dropped.
 */
export function useLoad<T>(load: () => Promise<Answer<T>> | null, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>(LOADING);

  useEffect(() => {
    let current = true;
    const pending = load();
    // Nothing to read (yet): not loading, no data.
    if (pending === null) {
      setState({ data: null, error: null, status: null, loading: false, answeredAt: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    pending
      .then(({ data, error, response }) => {
        if (!current) return;
        const answeredAt = response.headers.get('date');
        if (error !== undefined || data === undefined) {
          setState({ data: null, error: errorOf(error), status: response.status, loading: false, answeredAt });
        } else {
          setState({ data, error: null, status: null, loading: false, answeredAt: answeredAt ? new Date(answeredAt).toISOString() : null });
        }
      })
      .catch((e: unknown) => {
        if (current) setState({ data: null, error: { message: e instanceof Error ? e.message : String(e) }, status: null, loading: false, answeredAt: null });
      });
    return () => {
      current = false;
    };
    // The caller names what the read depends on.
  }, deps);

  return state;
}

import { useCallback, useState } from 'react';
import { errorOf, type ApiError } from '../../../../api/client';

/** What openapi-fetch answers: the body on success, the API's error body otherwise. */
interface Answer<T> {
  data?: T;
  error?: unknown;
}

/**
 * One form's call to the API: busy while it runs, the API's error (400 with fields, 403, 409, …)
 * when refused, and the answer's body on success.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(async <T,>(call: () => Promise<Answer<T>>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const { data, error } = await call();
      if (error !== undefined || data === undefined) {
        setError(errorOf(error));
        return undefined;
      }
      return data;
    } catch (e) {
      // The network or the server did not answer at all.
      setError({ message: e instanceof Error ? e.message : String(e) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, run };
}

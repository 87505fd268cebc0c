import { useCallback, useEffect, useState } from 'react';
import { errorOf, type ApiError } from '../../../../api/client';

/**
 * One GET for a form: its data, the API's error, loading, and reload (after a change made here).
 * `load` must be stable for the same inputs (wrap it in useCallback).
 */
export function useLoad<T>(load: () => Promise<{ data?: T; error?: unknown }>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void load().then(({ data, error }) => {
      if (!current) return;
      setData(data ?? null);
      setError(data === undefined ? errorOf(error) : null);
    });
    return () => {
      current = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading: data === null && error === null, reload };
}

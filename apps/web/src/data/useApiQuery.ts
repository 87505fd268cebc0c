import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { errorOf, type ApiError } from '../api/client';

/** What openapi-fetch answers for a read. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** One read as the screens use it. */
export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  /** The HTTP status of a refusal (403, 404, …), to tell "not for you" from "went wrong". */
  status: number | null;
  /** A request is on its way (the first, or a read again after an action; the previous answer stays in data meanwhile). */
  loading: boolean;
  /** No answer yet at all (what a form waits for before it can be shown). */
  pending: boolean;
  /** The server's clock when it answered (the Date header), for "as of now" reads. */
  answeredAt: string | null;
}

/** The API's refusal or error, carried through the query as a thrown value. */
class ApiFailure extends Error {
  constructor(
    readonly api: ApiError,
    readonly status: number | null,
  ) {
    super(api.message ?? '');
  }
}

interface Answered<T> {
  body: T;
  answeredAt: string | null;
}

/**
 * One GET through the typed API client, cached under `key` (from queryKeys). With `enabled` false
 * nothing is read: not loading, no data. The API's error body (in the user's language, as the API
 * words it) comes back as `error`, a network failure as its message.
 */
export function useApiQuery<T>(key: QueryKey, fetch: () => Promise<Answer<T>>, options: { enabled?: boolean; staleTime?: number; keepPrevious?: boolean; newObjectEachRead?: boolean } = {}): Loaded<T> {
  const query = useQuery<Answered<T>, Error>({
    queryKey: key,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime,
    // A form that prefills itself from an answer whenever it is read (again) needs a new object each time.
    structuralSharing: options.newObjectEachRead ? false : undefined,
    // When the key changes (another page, other filters, a newer "as of") the previous answer stays on
    // screen until the new one is in, unless the screen says a new choice starts from "loading".
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await fetch();
      const date = response.headers.get('date');
      if (error !== undefined || data === undefined) throw new ApiFailure(errorOf(error), response.status);
      return { body: data, answeredAt: date ? new Date(date).toISOString() : null };
    },
  });
  const { data, error, isFetching, isLoading } = query;
  return useMemo(() => {
    // An error after an earlier answer: show the error, as a fresh read would.
    if (error) {
      const failure = error instanceof ApiFailure ? error : null;
      return { data: null, error: failure?.api ?? { message: error.message }, status: failure?.status ?? null, loading: isFetching, pending: false, answeredAt: null };
    }
    return { data: data?.body ?? null, error: null, status: null, loading: isFetching, pending: isLoading, answeredAt: data?.answeredAt ?? null };
  }, [data, error, isFetching, isLoading]);
}

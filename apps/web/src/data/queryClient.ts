import { QueryClient } from '@tanstack/react-query';

/**
 * The web app's one cache of API answers. A screen reads again whenever it mounts (answers are stale
 * at once) and after an action invalidates what it changed; no silent retries, so a refusal or an
 * error shows as soon as the API gives it, and no refetch on window focus (a form being filled in
 * must not change under the person's hands).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

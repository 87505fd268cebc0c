import { useMemo } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';

/**
 * Display names of users by id, for the roles that may list users (GET /api/users); for the
 * others the map stays empty and the page falls back to what the answers themselves name.
 */
export function useUserNames() {
  const { may } = useSession();
  const allowed = may('listUsers');
  const users = useApiQuery(queryKeys.users(), () => api.GET('/api/users'), { enabled: allowed });
  return useMemo(() => {
    const byId = new Map((users.data ?? []).map((u) => [u.id, u]));
    return {
      users: users.data ?? [],
      loading: users.loading,
      name: (id: string | null | undefined): string | null => (id ? (byId.get(id)?.displayName ?? null) : null),
    };
  }, [users]);
}

export type UserNames = ReturnType<typeof useUserNames>;

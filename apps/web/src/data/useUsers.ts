import { api } from '../api/client';
import type { components } from '../api/schema';
import { queryKeys } from './keys';
import { useApiQuery } from './useApiQuery';

type User = components['schemas']['UserSummaryDto'];

/** The users (auditors and admins may list them): to pick an actor and show names. Empty if not allowed. */
export function useUsers(): User[] {
  return useApiQuery(queryKeys.users(), () => api.GET('/api/users')).data ?? [];
}

import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

export type User = components['schemas']['UserSummaryDto'];

/** The case handlers (GET /api/users answers case handlers too), by name. */
export function useCaseHandlers() {
  const { data, error, pending: loading } = useApiQuery(queryKeys.users(), () => api.GET('/api/users'));
  return { handlers: data?.filter((u) => u.roles.includes('case_handler')) ?? null, error, loading };
}

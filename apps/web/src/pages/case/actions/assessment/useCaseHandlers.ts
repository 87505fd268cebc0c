import { useCallback } from 'react';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { useLoad } from '../form/useLoad';

export type User = components['schemas']['UserSummaryDto'];

/** The case handlers (GET /api/users answers case handlers too), by name. */
export function useCaseHandlers() {
  const load = useCallback(() => api.GET('/api/users'), []);
  const { data, error, loading } = useLoad(load);
  return { handlers: data?.filter((u) => u.roles.includes('case_handler')) ?? null, error, loading };
}

import { useCallback } from 'react';
import { api } from '../../../../api/client';
import { useLoad } from '../form/useLoad';

/** The newest saved roadmap version of the case (null when none was saved yet). */
export function useLatestRoadmap(caseId: string) {
  const load = useCallback(() => api.GET('/api/cases/{id}/roadmap/versions', { params: { path: { id: caseId } } }), [caseId]);
  const { data, error, loading } = useLoad(load);
  return { latest: data?.at(-1) ?? null, error, loading };
}

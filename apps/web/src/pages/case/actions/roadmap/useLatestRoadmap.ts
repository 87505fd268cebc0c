import { api } from '../../../../api/client';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

/** The newest saved roadmap version of the case (null when none was saved yet). */
export function useLatestRoadmap(caseId: string) {
  const { data, error, pending: loading } = useApiQuery(queryKeys.caseRoadmapVersions(caseId), () => api.GET('/api/cases/{id}/roadmap/versions', { params: { path: { id: caseId } } }));
  return { latest: data?.at(-1) ?? null, error, loading };
}

import { useMemo } from 'react';
import { api } from '../../../api/client';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { useCaseNames } from '../../../data/useCaseNames';
import type { Choices } from './types';

/** Councils of the newest reference data and the cases (by name) to bind people to. */
export function useChoices(): Choices {
  const policy = useApiQuery(queryKeys.policyLatest(), () => api.GET('/api/policy-versions/latest'), { newObjectEachRead: true });
  const cases = useCaseNames();
  return useMemo(
    () => ({
      councils: (policy.data?.content.councils ?? []).map((c) => ({ code: c.code, name: c.name })),
      cases: cases.map((c) => ({ id: c.id, clusterName: c.clusterName })).sort((a, b) => a.clusterName.localeCompare(b.clusterName, 'nl')),
    }),
    [policy.data, cases],
  );
}

import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Choices } from './types';

/** Councils of the newest reference data and the cases (by name) to bind people to. */
export function useChoices(): Choices {
  const [choices, setChoices] = useState<Choices>({ councils: [], cases: [] });
  useEffect(() => {
    let current = true;
    void Promise.all([api.GET('/api/policy-versions/latest'), api.GET('/api/cases', { params: { query: { limit: 200 } } })]).then(([policy, cases]) => {
      if (!current) return;
      setChoices({
        councils: (policy.data?.content.councils ?? []).map((c) => ({ code: c.code, name: c.name })),
        cases: (cases.data?.items ?? []).map((c) => ({ id: c.id, clusterName: c.clusterName })).sort((a, b) => a.clusterName.localeCompare(b.clusterName, 'nl')),
      });
    });
    return () => {
      current = false;
    };
  }, []);
  return choices;
}

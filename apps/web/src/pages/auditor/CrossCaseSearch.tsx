import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilters } from './AuditFilters';
import { filterQuery } from './filter-query';
import { Pager } from '../../components/Pager';
import { NO_FILTERS, type AuditFilterValues, type User } from './types';
import { AUDIT_PAGE_SIZE, useAuditPage } from './useAuditPage';

/** Audit events across all cases (and the system's own), newest first: by actor, action, organisation and period. */
export function CrossCaseSearch({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [caseNames, setCaseNames] = useState<Map<string, string>>(new Map());
  const query = filterQuery(filters);
  const { page, error } = useAuditPage((o) => api.GET('/api/audit', { params: { query: { ...query, limit: AUDIT_PAGE_SIZE, offset: o } } }), JSON.stringify(query), offset);

  // Case names for the events' case ids (the most recent 200 cases; older ones show their id).
  useEffect(() => {
    void api.GET('/api/cases', { params: { query: { limit: 200 } } }).then(({ data }) => setCaseNames(new Map((data?.items ?? []).map((c) => [c.id, c.clusterName]))));
  }, []);
  const caseName = (id: string | null) => (id ? (caseNames.get(id) ?? id) : t('auditor.search.systemEvent'));

  const validation = error?.fieldErrors?.length ? error : null;
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t('auditor.search.title')}</h2>
      <p>{t('auditor.search.intro')}</p>
      <AuditFilters
        idPrefix="search"
        users={users}
        withOrganisation
        error={validation}
        onApply={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      <AsyncState loading={page === null} error={validation ? null : error} empty={page?.items.length === 0}>
        <p>{t('auditor.timeline.count', { count: page?.total ?? 0 })}</p>
        <AuditEventsTable events={page?.items ?? []} caption={t('auditor.search.title')} caseName={caseName} />
        <Pager area="auditor" label={t('auditor.search.pager')} total={page?.total ?? 0} limit={AUDIT_PAGE_SIZE} offset={offset} onOffset={setOffset} />
      </AsyncState>
    </section>
  );
}

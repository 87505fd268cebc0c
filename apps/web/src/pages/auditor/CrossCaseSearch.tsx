import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { useCaseNames } from '../../data/useCaseNames';
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
  const query = filterQuery(filters);
  const { page, error } = useAuditPage((o) => api.GET('/api/audit', { params: { query: { ...query, limit: AUDIT_PAGE_SIZE, offset: o } } }), JSON.stringify(['all', query]), offset);

  // Case names for the events' case ids (the most recent 200 cases; older ones show their id).
  const caseNames = new Map(useCaseNames().map((c) => [c.id, c.clusterName]));
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

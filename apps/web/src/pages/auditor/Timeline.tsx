import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilters } from './AuditFilters';
import { filterQuery } from './filter-query';
import { Pager } from '../../components/Pager';
import { NO_FILTERS, type AuditFilterValues, type User } from './types';
import { AUDIT_PAGE_SIZE, useAuditPage } from './useAuditPage';

/** The case's audit trail in chain order, filtered and paged. */
export function Timeline({ caseId, users }: { caseId: string; users: User[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const query = filterQuery(filters);
  const { page, error } = useAuditPage(
    (o) => api.GET('/api/cases/{id}/audit', { params: { path: { id: caseId }, query: { action: query.action, actorId: query.actorId, from: query.from, to: query.to, limit: AUDIT_PAGE_SIZE, offset: o } } }),
    JSON.stringify(['case', caseId, query]),
    offset,
  );
  const apply = (f: AuditFilterValues) => {
    setFilters(f);
    setOffset(0);
  };
  const validation = error?.fieldErrors?.length ? error : null;
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('auditor.timeline.title')}</h3>
      <AuditFilters idPrefix="timeline" users={users} error={validation} onApply={apply} />
      <AsyncState loading={page === null} error={validation ? null : error} empty={page?.items.length === 0}>
        <p>{t('auditor.timeline.count', { count: page?.total ?? 0 })}</p>
        <AuditEventsTable events={page?.items ?? []} caption={t('auditor.timeline.title')} />
        <Pager area="auditor" label={t('auditor.timeline.pager')} total={page?.total ?? 0} limit={AUDIT_PAGE_SIZE} offset={offset} onOffset={setOffset} />
      </AsyncState>
    </section>
  );
}

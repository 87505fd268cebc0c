import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatDateTime } from '../../../format';
import { CaseSection, ScrollTable } from '../CaseSection';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { auditActionText } from '../../../i18n/auditAction';

const PAGE = 20;

/**
 * The case's audit timeline, newest first, a page at a time. The API pages in chain order (oldest
 * first), so the page is counted back from the end: a first small read gives the total.
 */
export function AuditSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const trail = useApiQuery(queryKeys.caseAudit(caseId, page), async () => {
    const path = { id: caseId };
    const probe = await api.GET('/api/cases/{id}/audit', { params: { path, query: { limit: 1, offset: 0 } } });
    if (!probe.data) return probe;
    const total = probe.data.total;
    const end = Math.max(0, total - page * PAGE);
    const offset = Math.max(0, end - PAGE);
    if (end === 0) return { ...probe, data: { ...probe.data, items: [] } };
    return api.GET('/api/cases/{id}/audit', { params: { path, query: { limit: end - offset, offset } } });
  });
  const total = trail.data?.total ?? 0;
  const events = [...(trail.data?.items ?? [])].reverse();
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <CaseSection id="audit" title={t('casePage.audit.title')} state={trail} notYet={total === 0 && t('casePage.audit.empty')}>
      {() => (
        <>
          <ScrollTable label={t('casePage.audit.title')}>
            <table>
              <caption className="visually-hidden">{t('casePage.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('casePage.audit.time')}</th>
                  <th scope="col">{t('casePage.audit.actor')}</th>
                  <th scope="col">{t('casePage.audit.role')}</th>
                  <th scope="col">{t('casePage.audit.action')}</th>
                  <th scope="col">{t('casePage.audit.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt)}</td>
                    <td>
                      {e.actorName}
                      <span className="cp-note">{e.organisation}</span>
                    </td>
                    <td>{e.actorRole === 'system' ? t('casePage.audit.system') : t(`role.${e.actorRole}`, { defaultValue: e.actorRole })}</td>
                    <td>{auditActionText(t, e.action)}</td>
                    <td className="cp-pre">{e.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <div className="cp-pager">
            <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
              {t('casePage.audit.newer')}
            </button>
            <span role="status">{t('casePage.audit.page', { page: page + 1, pages, count: total })}</span>
            <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page + 1 >= pages}>
              {t('casePage.audit.older')}
            </button>
          </div>
        </>
      )}
    </CaseSection>
  );
}

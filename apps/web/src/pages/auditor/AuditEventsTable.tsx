import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { AuditEvent } from './types';
import { auditActionText } from '../../i18n/auditAction';
import { DataTable } from '../../components/DataTable';

/** Audit events as recorded: place in the chain, moment, action, who (role, organisation), reason, and the details. */
export function AuditEventsTable({ events, caption, caseName }: { events: AuditEvent[]; caption: string; caseName?: (id: string | null) => string }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={caption} columns={[t('auditor.events.seq'), t('auditor.events.at'), caseName && t('auditor.events.case'), t('auditor.events.action'), t('auditor.events.actor'), t('auditor.events.reason'), t('auditor.events.details')]}>
      {events.map((e) => (
        <tr key={e.id}>
          <td>{e.seq}</td>
          <td>{formatDateTime(e.occurredAt)}</td>
          {caseName ? <td>{caseName(e.caseId)}</td> : null}
          <td>{auditActionText(t, e.action)}</td>
          <td>
            {e.actorName}
            <br />
            <span className="hint">
              {t(`role.${e.actorRole}`, { defaultValue: e.actorRole })}, {e.organisation}
            </span>
          </td>
          <td>{e.reason ?? '—'}</td>
          <td>
            <details>
              <summary>{t('auditor.events.show')}</summary>
              <dl className="facts">
                <dt>{t('auditor.events.code')}</dt>
                <dd>
                  <code>{e.action}</code>
                </dd>
                <dt>{t('auditor.events.hash')}</dt>
                <dd>
                  <code className="hash">{e.hash}</code>
                </dd>
                <dt>{t('auditor.events.prevHash')}</dt>
                <dd>
                  <code className="hash">{e.prevHash}</code>
                </dd>
                {e.documentHashes.length ? (
                  <>
                    <dt>{t('auditor.events.documents')}</dt>
                    <dd>
                      {e.documentHashes.map((h) => (
                        <code key={h} className="hash">
                          {h}{' '}
                        </code>
                      ))}
                    </dd>
                  </>
                ) : null}
              </dl>
              <pre className="payload">{JSON.stringify(e.payload, null, 2)}</pre>
            </details>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

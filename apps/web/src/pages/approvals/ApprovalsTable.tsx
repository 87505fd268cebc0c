import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { Approval, ApprovalStatus } from './types';

/**
 * What waits (or waited) on an approver. Whether the signed-in person may decide is the API's answer
 * (mayDecide, from the permissions table); the page never guesses it. Their own request says in
 * words that another approver decides (four eyes), without buttons.
 */
export function ApprovalsTable({ items, status, onChoose }: { items: Approval[]; status: ApprovalStatus; onChoose: (a: Approval) => void }) {
  const { t } = useTranslation();
  const pending = status === 'pending';
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{t(`approvals.status.${status}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('approvals.col.subject')}</th>
            <th scope="col">{t('approvals.col.case')}</th>
            <th scope="col">{t('approvals.col.requestedBy')}</th>
            <th scope="col">{t('approvals.col.requestedAt')}</th>
            {pending ? (
              <th scope="col">{t('approvals.col.action')}</th>
            ) : (
              <>
                <th scope="col">{t(status === 'superseded' ? 'approvals.col.closedOn' : 'approvals.col.decidedBy')}</th>
                <th scope="col">{t(status === 'superseded' ? 'approvals.col.reason' : 'approvals.col.comment')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <strong>{t(`approvals.kind.${a.subjectType}`)}</strong>
                <br />
                {a.summary}
              </td>
              <td>
                {a.caseId ? (
                  <Link to={`/cases/${a.caseId}`}>{a.clusterName ?? a.caseId}</Link>
                ) : a.callId ? (
                  <Link to={`/calls/${a.callId}`}>{t('approvals.callLink')}</Link>
                ) : null}
              </td>
              <td>{a.requestedByName ?? a.requestedBy}</td>
              <td>{formatDateTime(a.requestedAt)}</td>
              {pending ? (
                <td>
                  {a.mayDecide ? (
                    <button type="button" onClick={() => onChoose(a)}>
                      {t('approvals.decide')}
                      <span className="visually-hidden"> {t('approvals.decideOn', { summary: a.summary })}</span>
                    </button>
                  ) : a.requestedByMe ? (
                    t('approvals.ownRequest')
                  ) : (
                    t('approvals.notYours')
                  )}
                </td>
              ) : (
                <>
                  <td>
                    {status === 'superseded' ? null : (
                      <>
                        {a.decidedByName ?? a.decidedBy ?? '—'}
                        <br />
                      </>
                    )}
                    {formatDateTime(a.decidedAt)}
                  </td>
                  <td>{a.comment ?? '—'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

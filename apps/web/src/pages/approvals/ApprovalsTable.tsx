import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { Approval, ApprovalStatus } from './types';

/**
 * What waits (or waited) on an approver. Deciding is offered only to approvers and never on their
 * own request (four eyes); the API refuses that too.
 */
export function ApprovalsTable({ items, status, canDecide, onChoose }: { items: Approval[]; status: ApprovalStatus; canDecide: (a: Approval) => 'yes' | 'own' | 'no'; onChoose: (a: Approval) => void }) {
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
                <th scope="col">{t('approvals.col.decidedBy')}</th>
                <th scope="col">{t('approvals.col.comment')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const may = canDecide(a);
            return (
              <tr key={a.id}>
                <td>
                  <strong>{t(`approvals.kind.${a.subjectType}`)}</strong>
                  <br />
                  {a.summary}
                </td>
                <td>
                  <Link to={`/cases/${a.caseId}`}>{a.clusterName ?? a.caseId}</Link>
                </td>
                <td>{a.requestedByName ?? a.requestedBy}</td>
                <td>{formatDateTime(a.requestedAt)}</td>
                {pending ? (
                  <td>
                    {may === 'yes' ? (
                      <button type="button" onClick={() => onChoose(a)}>
                        {t('approvals.decide')}
                        <span className="visually-hidden"> {t('approvals.decideOn', { summary: a.summary })}</span>
                      </button>
                    ) : may === 'own' ? (
                      t('approvals.ownRequest')
                    ) : (
                      t('approvals.notYours')
                    )}
                  </td>
                ) : (
                  <>
                    <td>
                      {a.decidedByName ?? a.decidedBy ?? '—'}
                      <br />
                      {formatDateTime(a.decidedAt)}
                    </td>
                    <td>{a.comment ?? '—'}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

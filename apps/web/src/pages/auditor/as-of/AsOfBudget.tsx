import { useTranslation } from 'react-i18next';
import { formatCents, formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';

/** Budget figures per instrument (exact cents shown as euros) and the tranche releases, as they stood. */
export function AsOfBudget({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="asof-budget">
      <h5 id="asof-budget">{t('auditor.asOf.budget')}</h5>
      {s.budget.length === 0 ? (
        <p className="empty">{t('auditor.asOf.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auditor.asOf.instrument')}</th>
                <th scope="col">{t('auditor.asOf.earmarked')}</th>
                <th scope="col">{t('auditor.asOf.requested')}</th>
                <th scope="col">{t('auditor.asOf.approved')}</th>
                <th scope="col">{t('auditor.asOf.released')}</th>
                <th scope="col">{t('auditor.asOf.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {s.budget.map((b) => (
                <tr key={b.instrumentCode}>
                  <th scope="row">{b.instrumentCode}</th>
                  <td>{formatCents(b.earmarkedCents)}</td>
                  <td>{formatCents(b.requestedCents)}</td>
                  <td>{formatCents(b.approvedCents)}</td>
                  <td>{formatCents(b.releasedCents)}</td>
                  <td>{formatCents(b.remainingCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.releases.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t('auditor.asOf.releases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auditor.asOf.instrument')}</th>
                <th scope="col">{t('auditor.asOf.amount')}</th>
                <th scope="col">{t('auditor.asOf.status')}</th>
                <th scope="col">{t('auditor.asOf.requestedBy')}</th>
                <th scope="col">{t('auditor.asOf.decided')}</th>
              </tr>
            </thead>
            <tbody>
              {s.releases.map((r) => (
                <tr key={r.releaseId}>
                  <th scope="row">{r.instrumentCode}</th>
                  <td>{formatCents(r.amountCents)}</td>
                  <td>{t(`auditor.releaseStatus.${r.status}`)}</td>
                  <td>
                    <Person person={r.requestedBy} />, {formatDateTime(r.requestedAt)}
                  </td>
                  <td>
                    {r.decidedBy ? (
                      <>
                        <Person person={r.decidedBy} />, {formatDateTime(r.decidedAt)}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

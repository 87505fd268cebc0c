import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';

/** The councils' advice in the latest round: given (with its position), still open, or lapsed. */
export function AsOfAdvice({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  const round = s.advice;
  return (
    <section aria-labelledby="asof-advice">
      <h5 id="asof-advice">{t('auditor.asOf.advice')}</h5>
      {round.round === 0 ? (
        <p className="empty">{t('auditor.asOf.none')}</p>
      ) : (
        <>
          <p>{t('auditor.asOf.adviceRound', { round: round.round, version: round.roadmapVersion ?? '—' })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('auditor.asOf.council')}</th>
                  <th scope="col">{t('auditor.asOf.status')}</th>
                  <th scope="col">{t('auditor.asOf.position')}</th>
                  <th scope="col">{t('auditor.asOf.due')}</th>
                  <th scope="col">{t('auditor.asOf.at')}</th>
                </tr>
              </thead>
              <tbody>
                {round.councils.map((c) => (
                  <tr key={c.requestId} className={c.status === 'lapsed' ? 'overdue' : undefined}>
                    <th scope="row">{c.councilCode}</th>
                    <td>{t(`auditor.adviceStatus.${c.status}`)}</td>
                    <td>{c.position ? t(`auditor.position.${c.position}`) : '—'}</td>
                    <td>{formatDateTime(c.dueAt)}</td>
                    <td>
                      {formatDateTime(c.at)}
                      {c.by ? (
                        <>
                          {' '}
                          — <Person person={c.by} />
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

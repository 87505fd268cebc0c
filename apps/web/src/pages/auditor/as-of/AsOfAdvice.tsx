import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';
import { DataTable } from '../../../components/DataTable';

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
          <DataTable columns={[t('auditor.asOf.council'), t('auditor.asOf.status'), t('auditor.asOf.position'), t('auditor.asOf.due'), t('auditor.asOf.at')]}>
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
          </DataTable>
        </>
      )}
    </section>
  );
}

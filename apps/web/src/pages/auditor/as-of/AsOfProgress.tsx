import { useTranslation } from 'react-i18next';
import { formatCents, formatDate, formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';

/** The test trajectory's milestones and evaluation, and the dialogue's cycles, as they stood. */
export function AsOfProgress({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  const tr = s.trajectory;
  const cycles = s.dialogue.cycles;
  return (
    <>
      <section aria-labelledby="asof-trajectory">
        <h5 id="asof-trajectory">{t('auditor.asOf.trajectory')}</h5>
        {tr.milestones.length === 0 ? (
          <p className="empty">{t('auditor.asOf.none')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('auditor.asOf.milestone')}</th>
                  <th scope="col">{t('auditor.asOf.instrument')}</th>
                  <th scope="col">{t('auditor.asOf.amount')}</th>
                  <th scope="col">{t('auditor.asOf.due')}</th>
                  <th scope="col">{t('auditor.asOf.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tr.milestones.map((m) => (
                  <tr key={m.milestoneId} className={m.overdue ? 'overdue' : undefined}>
                    <th scope="row">{m.action}</th>
                    <td>{m.instrumentCode}</td>
                    <td>{formatCents(m.amountForeseenCents)}</td>
                    <td>{formatDate(m.dueAt)}</td>
                    <td>
                      {m.status === 'met' ? t('auditor.asOf.met', { at: formatDate(m.metAt) }) : t('auditor.asOf.planned')}
                      {m.overdue ? <strong className="tag late"> {t('auditor.asOf.overdue')}</strong> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tr.evaluation ? (
          <p>
            {t('auditor.asOf.evaluation', { outcome: t(`auditor.evaluation.${tr.evaluation.outcome}`), at: formatDateTime(tr.evaluation.at) })} — <Person person={tr.evaluation.by} />
            {tr.evaluation.evaluation ? `: ${tr.evaluation.evaluation}` : ''}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="asof-dialogue">
        <h5 id="asof-dialogue">{t('auditor.asOf.dialogue')}</h5>
        {cycles.length === 0 ? (
          <p className="empty">{t('auditor.asOf.none')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('auditor.asOf.cycle')}</th>
                  <th scope="col">{t('auditor.asOf.due')}</th>
                  <th scope="col">{t('auditor.asOf.status')}</th>
                  <th scope="col">{t('auditor.asOf.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {cycles.map((c) => (
                  <tr key={c.cycle} className={c.reportMissing ? 'overdue' : undefined}>
                    <th scope="row">{c.cycle}</th>
                    <td>{formatDate(c.dueAt)}</td>
                    <td>
                      {t(`auditor.cycleStatus.${c.status}`)}
                      {c.reportMissing ? <strong className="tag late"> {t('auditor.asOf.reportMissing')}</strong> : null}
                    </td>
                    <td>{c.outcome ? t(`auditor.cycleOutcome.${c.outcome}`) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

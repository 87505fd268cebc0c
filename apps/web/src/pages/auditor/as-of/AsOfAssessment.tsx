import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';

/** Each assessor's status and scores per criterion, and the conclusion, as they stood. */
export function AsOfAssessment({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  const a = s.assessment;
  const codes = [...new Set(a.assessors.flatMap((x) => x.scores.map((sc) => sc.code)))];
  return (
    <section aria-labelledby="asof-assessment">
      <h5 id="asof-assessment">{t('auditor.asOf.assessment')}</h5>
      {a.assessors.length === 0 ? (
        <p className="empty">{t('auditor.asOf.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auditor.asOf.assessor')}</th>
                <th scope="col">{t('auditor.asOf.status')}</th>
                {codes.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {a.assessors.map((x) => (
                <tr key={x.assessorId}>
                  <th scope="row">{x.assessorName ?? x.assessorId}</th>
                  <td>
                    {t(`auditor.assessorStatus.${x.status}`)}
                    {x.submittedAt ? ` (${formatDateTime(x.submittedAt)})` : ''}
                  </td>
                  {codes.map((c) => (
                    <td key={c}>{x.scores.find((sc) => sc.code === c)?.score ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {a.conclusion ? (
        <p>
          {t('auditor.asOf.conclusion', { outcome: t(`auditor.conclusion.${a.conclusion.outcome}`), version: a.conclusion.roadmapVersion, at: formatDateTime(a.conclusion.at) })} — <Person person={a.conclusion.by} />
          {a.conclusion.remarks ? `: ${a.conclusion.remarks}` : ''}
        </p>
      ) : null}
    </section>
  );
}

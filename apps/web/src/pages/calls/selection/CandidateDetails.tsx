import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../format';
import type { PolicyNames } from '../../case/usePolicyVersion';
import { criterionText, type Candidate, type Comparison } from './types';

/**
 * Per candidate, on demand: every assessor's score per criterion and their gate answers, by name,
 * and what it requests per instrument. The API lists each criterion's scores in the order of the
 * assessments, the same order as the gate answers per assessor; when the counts differ (an
 * assessor skipped a criterion) the scores are shown without names rather than under the wrong one.
 */
export function CandidateDetails({ comparison, names }: { comparison: Comparison; names: PolicyNames }) {
  const { t } = useTranslation();
  return (
    <div className="sel-details">
      <h3>{t('callPage.selection.detailsTitle')}</h3>
      {comparison.candidates.map((c) => (
        <details key={c.caseId} className="cp-card">
          <summary>{t('callPage.selection.detailsSummary', { name: c.clusterName })}</summary>
          <Detail candidate={c} comparison={comparison} names={names} />
        </details>
      ))}
    </div>
  );
}

function Detail({ candidate: c, comparison, names }: { candidate: Candidate; comparison: Comparison; names: PolicyNames }) {
  const { t, i18n } = useTranslation();
  const assessors = c.gates.map((g) => ({ id: g.assessorId, name: c.assessorNames[g.assessorId] ?? t('callPage.selection.anAssessor') }));
  const gateCodes = [...new Set(c.gates.flatMap((g) => g.answers.map((a) => a.code)))];
  if (!c.gates.length && c.criteria.every((s) => !s.scores.length)) return <p>{t('callPage.selection.notAssessed')}</p>;
  return (
    <>
      <div className="cp-scroll sel-scroll" role="region" aria-label={t('callPage.selection.scoresOf', { name: c.clusterName })} tabIndex={0}>
        <table className="cp-compare">
          <caption>{t('callPage.selection.scoresOf', { name: c.clusterName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callPage.selection.criterion')}</th>
              {assessors.map((a) => (
                <th scope="col" key={a.id} className="cp-num">
                  {a.name}
                </th>
              ))}
              <th scope="col">{t('callPage.selection.spreadColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((s) => {
              const aligned = s.scores.length === assessors.length;
              return (
                <tr key={s.code}>
                  <th scope="row">
                    <strong>{s.code}</strong> {criterionText(comparison, s.code, i18n.language)}
                  </th>
                  {assessors.map((a, i) => (
                    <td key={a.id} className="cp-num">
                      {aligned ? s.scores[i] : i === 0 ? s.scores.join(', ') || '—' : ''}
                    </td>
                  ))}
                  <td>{s.scores.length ? t('callPage.selection.spreadValue', { min: s.min, max: s.max, mean: s.mean.toLocaleString('nl-BE'), spread: s.spread }) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {gateCodes.length ? (
        <div className="cp-scroll sel-scroll" role="region" aria-label={t('callPage.selection.gatesOf', { name: c.clusterName })} tabIndex={0}>
          <table className="cp-compare">
            <caption>{t('callPage.selection.gatesOf', { name: c.clusterName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('callPage.selection.gateQuestion')}</th>
                {assessors.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {gateCodes.map((code) => (
                <tr key={code}>
                  <th scope="row">
                    <strong>{code}</strong> {names.gateQuestion(code) === code ? null : names.gateQuestion(code)}
                  </th>
                  {c.gates.map((g) => {
                    const answer = g.answers.find((a) => a.code === code)?.answer;
                    return <td key={g.assessorId}>{answer === undefined ? '—' : t(answer ? 'callPage.selection.yes' : 'callPage.selection.no')}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        {t('callPage.selection.requested')}:{' '}
        {c.requested.length ? c.requested.map((r) => t('calls.envelope', { instrument: names.instrument(r.instrumentCode), amount: formatCents(r.amountCents) })).join('; ') : t('callPage.selection.nothingRequested')}
      </p>
    </>
  );
}

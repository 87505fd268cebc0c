import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { ScrollTable } from '../CaseSection';
import type { PolicyNames } from '../usePolicyVersion';

type CriterionSpread = components['schemas']['CriterionSpreadDto'];

export interface AssessorColumn {
  key: string;
  name: string;
  submittedAt: string | null;
  scores: { code: string; score: number | null; justification: string }[];
  gateAnswers: { code: string; answer: boolean; justification: string }[];
}

/** A spread this large (max − min on the scale) is worth a discussion between the assessors. */
const WIDE_SPREAD = 2;
const mean = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 });

/** Per criterion every assessor's score and justification, then the spread; the gate answers likewise. */
export function AssessmentTables({ columns, spread, policy }: { columns: AssessorColumn[]; spread: CriterionSpread[]; policy: PolicyNames }) {
  const { t } = useTranslation();
  const criteria = policy.policy?.criteria.map((c) => c.code) ?? spread.map((s) => s.code);
  const gates = policy.policy?.gateQuestions.map((g) => g.code) ?? [...new Set(columns.flatMap((c) => c.gateAnswers.map((g) => g.code)))];

  return (
    <>
      <h3>{t('casePage.assessments.scoresTitle')}</h3>
      <ScrollTable label={t('casePage.assessments.scoresTitle')}>
        <table className="cp-compare">
          <caption className="visually-hidden">{t('casePage.assessments.scoresTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casePage.assessments.criterion')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.name}
                </th>
              ))}
              <th scope="col">{t('casePage.assessments.spread')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((code) => {
              const s = spread.find((x) => x.code === code);
              const wide = s !== undefined && s.spread >= WIDE_SPREAD;
              return (
                <tr key={code} className={wide ? 'cp-changed' : undefined}>
                  <th scope="row">
                    <strong>{code}</strong> {policy.criterion(code) === code ? null : policy.criterion(code)}
                  </th>
                  {columns.map((c) => {
                    const score = c.scores.find((x) => x.code === code);
                    return (
                      <td key={c.key}>
                        <strong className="cp-score">{score?.score ?? '—'}</strong>
                        {score?.justification ? <p className="cp-note">{score.justification}</p> : null}
                      </td>
                    );
                  })}
                  <td>
                    {s ? t('casePage.assessments.spreadValue', { min: s.min, max: s.max, mean: mean.format(s.mean), spread: s.spread }) : '—'}
                    {wide ? <span className="cp-badge">{t('casePage.assessments.wideSpread')}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>

      <h3>{t('casePage.assessments.gatesTitle')}</h3>
      <ScrollTable label={t('casePage.assessments.gatesTitle')}>
        <table className="cp-compare">
          <caption className="visually-hidden">{t('casePage.assessments.gatesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casePage.assessments.gateQuestion')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gates.map((code) => (
              <tr key={code}>
                <th scope="row">
                  <strong>{code}</strong> {policy.gateQuestion(code) === code ? null : policy.gateQuestion(code)}
                </th>
                {columns.map((c) => {
                  const answer = c.gateAnswers.find((g) => g.code === code);
                  return (
                    <td key={c.key}>
                      <strong>{answer ? t(answer.answer ? 'casePage.yes' : 'casePage.no') : '—'}</strong>
                      {answer?.justification ? <p className="cp-note">{answer.justification}</p> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

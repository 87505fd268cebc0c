import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { AsyncState } from '../../../../components/AsyncState';
import { FieldError } from '../../../../components/FieldErrors';
import { SelectField, TextAreaField } from '../form/Field';
import { onlyField } from '../form/fieldErrors';
import { useAction } from '../form/useAction';
import { useLocalized, usePolicy } from '../../usePolicyVersion';
import type { CaseView } from '../who';
import { assessmentBody, scaleOf, type Answer, type Answers, type Score, type Scores } from './assessmentBody';
import { SubmitRow } from '../form/SubmitRow';

/**
 * The assessor's assessment (final once submitted): each gate question answered and each
 * criterion scored on the scale of the case's policy version, every one with a justification.
 */
export function AssessmentForm({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { policy, error: policyError, loading } = usePolicy(view.policyVersion);
  const [answers, setAnswers] = useState<Answers>({});
  const [scores, setScores] = useState<Scores>({});
  const { busy, error, run } = useAction();

  const answer = (code: string): Answer => answers[code] ?? { answer: '', justification: '' };
  const score = (code: string): Score => scores[code] ?? { score: '', justification: '' };
  const setAnswer = (code: string, patch: Partial<Answer>) => setAnswers((a) => ({ ...a, [code]: { ...answer(code), ...patch } }));
  const setScore = (code: string, patch: Partial<Score>) => setScores((s) => ({ ...s, [code]: { ...score(code), ...patch } }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!policy) return;
    const body = assessmentBody(policy, answers, scores);
    const result = await run(() => api.POST('/api/cases/{id}/assessments', { params: { path: { id: view.id } }, body }));
    if (result) onDone(t('actions.assess.submitted', { submitted: result.submittedCount, required: result.requiredCount }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="assess-title">
      <h3 id="assess-title">{t('actions.assess.title')}</h3>
      <AsyncState loading={loading} error={policyError}>
        {policy ? (
          <>
            <p>{t('actions.assess.intro', { min: policy.scoreScale.min, max: policy.scoreScale.max })}</p>
            <h4>{t('actions.assess.gateQuestions')}</h4>
            {policy.gateQuestions.map((g, i) => (
              <fieldset key={g.code} className="action-item">
                <legend>
                  {g.code}. {localized(g.text)}
                </legend>
                <SelectField id={`gate-${g.code}-answer`} label={t('actions.assess.answer', { code: g.code })} field={`gateAnswers.${i}.answer`} error={error} value={answer(g.code).answer} onChange={(e) => setAnswer(g.code, { answer: e.target.value as Answer['answer'] })}>
                  <option value="">{t('actions.assess.choose')}</option>
                  <option value="yes">{t('actions.assess.yes')}</option>
                  <option value="no">{t('actions.assess.no')}</option>
                </SelectField>
                <TextAreaField id={`gate-${g.code}-justification`} label={t('actions.assess.justification', { code: g.code })} field={`gateAnswers.${i}.justification`} error={error} rows={2} value={answer(g.code).justification} onChange={(e) => setAnswer(g.code, { justification: e.target.value })} />
              </fieldset>
            ))}
            <FieldError error={onlyField(error, 'gateAnswers')} field="gateAnswers" id="assess-gate-error" />
            <h4>{t('actions.assess.criteria')}</h4>
            {policy.criteria.map((c, i) => (
              <fieldset key={c.code} className="action-item">
                <legend>
                  {c.code}. {localized(c.text)}
                </legend>
                <SelectField id={`criterion-${c.code}-score`} label={t('actions.assess.score', { code: c.code })} field={`scores.${i}.score`} error={error} value={score(c.code).score} onChange={(e) => setScore(c.code, { score: e.target.value })}>
                  <option value="">{t('actions.assess.choose')}</option>
                  {scaleOf(policy).map((n) => (
                    <option key={n} value={String(n)}>
                      {n}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField id={`criterion-${c.code}-justification`} label={t('actions.assess.justification', { code: c.code })} field={`scores.${i}.justification`} error={error} rows={2} value={score(c.code).justification} onChange={(e) => setScore(c.code, { justification: e.target.value })} />
              </fieldset>
            ))}
            <FieldError error={onlyField(error, 'scores')} field="scores" id="assess-scores-error" />
            <p className="action-hint">{t('actions.assess.final')}</p>
            <SubmitRow label={t('actions.assess.submit')} error={error} busy={busy} />
          </>
        ) : null}
      </AsyncState>
    </form>
  );
}

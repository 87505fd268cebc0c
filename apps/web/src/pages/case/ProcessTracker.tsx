import { useTranslation } from 'react-i18next';
import { CASE_STAGES, type CaseStage } from './stages';

/**
 * The steps of the process with where the case stands: the current step carries
 * aria-current="step"; each step says in words whether it is done, current or still to come.
 * The selection among a call's candidates is a step only for a case in a call.
 */
export function ProcessTracker({ stage, inCall = false }: { stage: CaseStage; inCall?: boolean }) {
  const { t } = useTranslation();
  const steps = CASE_STAGES.filter((s) => inCall || s !== 'selection');
  const current = steps.indexOf(stage);
  const closed = stage === 'closed';
  const stateOf = (i: number) => (i === current ? 'current' : i < current ? (closed ? 'passed' : 'done') : 'todo');
  return (
    <section aria-labelledby="tracker-title" className="cp-tracker">
      <h2 id="tracker-title" className="visually-hidden">
        {t('tracker.label')}
      </h2>
      <ol>
        {steps.map((s, i) => {
          const state = stateOf(i);
          return (
            <li key={s} className={`cp-step cp-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="cp-step-number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="cp-step-name">{t(`tracker.step.${s}`)}</span>
              <span className="cp-step-state">{t(`tracker.state.${state}`)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { CASE_STAGES, stageIndex, type CaseStage } from './stages';

/**
 * The eight steps of the process with where the case stands: the current step carries
 * aria-current="step"; each step says in words whether it is done, current or still to come.
 */
export function ProcessTracker({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  const current = stageIndex(stage);
  const closed = stage === 'closed';
  const stateOf = (i: number) => (i === current ? 'current' : i < current ? (closed ? 'passed' : 'done') : 'todo');
  return (
    <section aria-labelledby="tracker-title" className="cp-tracker">
      <h2 id="tracker-title" className="visually-hidden">
        {t('tracker.label')}
      </h2>
      <ol>
        {CASE_STAGES.map((s, i) => {
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

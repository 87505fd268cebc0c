import { useTranslation } from 'react-i18next';
import { AsyncState } from '../../../../components/AsyncState';
import { Disclosure } from '../form/Disclosure';
import type { CaseView, May } from '../who';
import { ClosureForm } from './ClosureForm';
import { OutcomeForm } from './OutcomeForm';
import { ReleaseRequestForm } from './ReleaseRequestForm';
import { ReportForm } from './ReportForm';
import { useDialogue } from './useDialogue';

/**
 * Steps 7 and 8: the cluster (or the account manager) reports per cycle and requests tranches; the
 * account manager records each cycle's outcome and, at the end, closes the case.
 */
/** closureDue: the term is over and the final report waits on the account manager. */
export function DialogueActions({ view, may, closureDue, onDone }: { view: CaseView; may: May; closureDue: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const dialogue = useDialogue(view.id);

  return (
    <section aria-labelledby="dialogue-actions-title" className="action-section">
      <h2 id="dialogue-actions-title">{t('actions.dialogue.title')}</h2>
      <AsyncState loading={dialogue.loading} error={dialogue.error}>
        {dialogue.toReport ? <ReportForm key={`report-${dialogue.toReport.cycle}`} view={view} cycle={dialogue.toReport} onDone={onDone} /> : <p>{t('actions.dialogue.nothingToReport')}</p>}
        {may.recordDialogueOutcome && dialogue.toConclude ? <OutcomeForm key={`outcome-${dialogue.toConclude.cycle}`} view={view} cycle={dialogue.toConclude} onDone={onDone} /> : null}
        <ReleaseRequestForm view={view} onDone={onDone} />
        {may.closeCase ? (
          <Disclosure open={closureDue} label={t('actions.closure.early')}>
            <ClosureForm view={view} onDone={onDone} />
          </Disclosure>
        ) : null}
      </AsyncState>
    </section>
  );
}

import { setHandler } from '@temporalio/workflow';
import { lateAdviceRefusal } from '@cluster/domain';
import { submitAdviceUpdate, type CommandMeta } from '@cluster/contracts';
import { forbidden, stageConflict } from '../failures';
import { updateRef } from '../update-context';
import { acts, type CaseRun } from './case-run';
import { adviceTermId } from './advice-round';

/** The councils' advice, each within its term (the round itself: advice-round.ts). */
export function registerAdviceHandlers(run: CaseRun): void {
  const { caseId, state } = run;

  const adviceAllowed = ({ meta, councilCode }: { meta: CommandMeta; councilCode: string }) => {
    if (meta.actor.role !== 'council_member') throw forbidden('Alleen een lid van de raad geeft advies. / Only a council member gives advice.');
    const council = state.councils.get(councilCode);
    // A lapsed term is the precise reason, also once the case has moved on to the decision.
    if (council?.status === 'lapsed') throw stageConflict(lateAdviceRefusal(new Date(council.dueAt), new Date(Date.now())) ?? 'De termijn is verstreken. / The term has passed.');
    run.allowed('submitAdvice');
    if (!council) throw stageConflict(`Aan ${councilCode} is geen advies gevraagd. / No advice was requested from ${councilCode}.`);
    if (council.status !== 'open') throw stageConflict(`${councilCode} heeft zijn advies gegeven; het is definitief. / ${councilCode} has given its advice; it is final.`);
    const late = lateAdviceRefusal(new Date(council.dueAt), new Date(Date.now()));
    if (late) throw stageConflict(late);
  };

  setHandler(
    submitAdviceUpdate,
    async (args) => {
      const { meta, councilCode, position, text } = args;
      if (run.settling) {
        await run.settled();
        adviceAllowed(args);
      }
      const council = state.councils.get(councilCode)!;
      // Accepted now, by the workflow's clock: that decides "in time", even if the write is retried later.
      council.status = 'advising';
      const acceptedAt = new Date(Date.now()).toISOString();
      try {
        const result = await run.committed(() => acts.submitAdvice(updateRef(), caseId, council.requestId, { position, text, acceptedAt }, meta));
        council.status = 'advised';
        await run.terms.satisfy(adviceTermId(run, councilCode)); // stops its reminders
        return result;
      } catch (error) {
        council.status = 'open'; // the term runs on and lapses if no valid advice follows
        throw error;
      }
    },
    {
      validator: (args) => {
        if (!run.settling) adviceAllowed(args);
      },
    },
  );
}

import { condition, patched } from '@temporalio/workflow';
import { termWorkflowId } from '@cluster/contracts';
import { acts, now, type CaseRun } from './case-run';

/** Guards the main loop's one change for approved terminations (cases run for years). */
const TERMINATION_PATCH = 'four-eyes-terminations';

/** The term child of a council's request in the current advice round. */
export function adviceTermId(run: CaseRun, councilCode: string): string {
  return termWorkflowId(run.caseId, `advice-${run.state.adviceRounds}-${councilCode}`);
}

/**
 * The advice stage's own steps: open a round (a request and a term per council), let each
 * council advise or its term lapse, then close the round and move to the decision. Returns
 * false when an approved withdrawal ended the case during the round (the round closes with it).
 */
export async function runAdviceRound(run: CaseRun): Promise<boolean> {
  const { caseId, state } = run;
  state.adviceRounds++;
  const opened = await run.settle(async () => {
    const round = await acts.openAdviceRound(run.workflowId, caseId, state.adviceRounds, now());
    state.councils.clear();
    round.requests.forEach((r) => state.councils.set(r.councilCode, { requestId: r.requestId, dueAt: r.dueAt, status: 'open' }));
    return round;
  });
  await Promise.all(
    opened.requests.map(async (r) => {
      const council = state.councils.get(r.councilCode)!;
      const term = await run.terms.start(adviceTermId(run, r.councilCode), {
        subject: `advice-${r.councilCode}`,
        dueAt: r.dueAt,
        reminderDaysBefore: r.reminderDaysBefore,
        recipients: { councilCode: r.councilCode },
      });
      if ((await term.result()) === 'lapsed') {
        // Advice accepted just before the due instant finishes first; otherwise the council lapses.
        await condition(() => council.status !== 'advising');
        if (council.status === 'open') {
          await acts.lapseAdvice(run.workflowId, caseId, r.requestId, now());
          council.status = 'lapsed';
        }
      }
    }),
  );
  // A withdrawal approved during the advice stopped its terms: the round closes with the case.
  if (state.endedByTermination && patched(TERMINATION_PATCH)) return false;
  await run.settle(async () => {
    await acts.closeAdviceRound(run.workflowId, caseId, opened.round);
    state.moveTo('decision');
  });
  return true;
}

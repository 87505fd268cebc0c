import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { auditHeadSignal, caseAttributesSignal, caseStateQuery, type CaseWorkflowInput } from '@cluster/contracts';
import { CaseRun } from './case/case-run';
import { SigningTerm } from './case/signing-term';
import { upsertChange, upsertResumed } from './case/search-attributes';
import { registerRoadmapHandlers } from './case/roadmap.handlers';
import { registerAssessmentHandlers } from './case/assessment.handlers';
import { registerAdviceHandlers } from './case/advice.handlers';
import { registerDecisionHandlers } from './case/decision.handlers';
import { registerTrajectoryHandlers } from './case/trajectory.handlers';
import { registerAgreementHandlers } from './case/agreement.handlers';
import { registerDialogueHandlers } from './case/dialogue.handlers';
import { registerTerminationHandlers } from './case/termination.handlers';
import { runAdviceRound } from './case/advice-round';
import { runDialogueCycle } from './case/dialogue-cycle';

/**
 * One case of one spearhead cluster, for its whole life (years). Commands arrive as updates whose
 * validators refuse what the current stage does not allow (each stage's handlers: case/*.handlers.ts);
 * handlers write through activities, which move the case's stage in the same transaction as their
 * record and audit event. Terms are durable timers in child term workflows (case/case-terms.ts).
 * The state of a run is one CaseState (case/case-state.ts): the query's view and what a dialogue
 * cycle's continue-as-new carries on.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const run = new CaseRun(input);
  const { state } = run;
  const signing = new SigningTerm(run);

  // Still sent for commits outside the handlers' commands (terms, rounds, API-side appends) and by
  // workers that ran before commands answered with their head: replays of those histories need it.
  setHandler(auditHeadSignal, (head) => state.anchor(head));
  setHandler(caseAttributesSignal, upsertChange);
  setHandler(caseStateQuery, () => state.view());
  // In process order, as before the split (the order handlers are set in is part of a run).
  registerRoadmapHandlers(run);
  registerAssessmentHandlers(run);
  registerAdviceHandlers(run);
  registerDecisionHandlers(run);
  registerTrajectoryHandlers(run);
  registerAgreementHandlers(run, signing);
  registerDialogueHandlers(run);
  registerTerminationHandlers(run);

  if (input.resume) {
    upsertResumed(state.stage, input.details.clusterName);
    // An amendment still being signed: this run watches the rest of its deadline.
    if (state.agreement && !state.agreement.settled && patched('signing-term-per-run')) void signing.watch(state.agreement);
    await runDialogueCycle(run, signing, input.resume);
    await condition(allHandlersFinished);
    return;
  }

  // A start whose registration never arrived (the API gave up) leaves no case behind: end it.
  const arrived = await condition(() => state.registered || state.registrationFailed, '1 day');
  if (!arrived || state.registrationFailed) {
    await condition(allHandlersFinished);
    return;
  }

  // Stages that need the workflow's own action; everything else moves by updates.
  for (;;) {
    await condition(() => ['advice', 'closed', 'test_trajectory'].includes(state.current()));
    if (state.current() !== 'advice') break;
    if (!(await runAdviceRound(run))) break;
  }

  // Test trajectory and agreement move by updates; the dialogue runs one cycle per workflow run.
  await condition(() => state.current() === 'structured_dialogue' || state.current() === 'closed');
  if (state.current() === 'structured_dialogue' && state.dialogue) await runDialogueCycle(run, signing, state.dialogue);
  await condition(allHandlersFinished);
}

import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { dialogueCycleCount, dialogueCycleDue } from '@cluster/domain';
import { termWorkflowId, type CaseWorkflowInput, type DialogueResume } from '@cluster/contracts';
import { acts, now, type CaseRun } from './case-run';
import type { SigningTerm } from './signing-term';

/** The term child of a dialogue cycle's report. */
export function reportTermId(run: CaseRun, cycle: number): string {
  return termWorkflowId(run.caseId, `dialogue-report-${cycle}`);
}

/**
 * One dialogue cycle per workflow run: open it, remind and escalate through the report's term,
 * wait for the outcome, then continue as new so the history stays bounded over the years. After
 * the last cycle: ask for the final report and wait for the closure.
 */
export async function runDialogueCycle(run: CaseRun, signing: SigningTerm, d: DialogueResume): Promise<void> {
  const { caseId, state } = run;
  if (d.cycle > dialogueCycleCount(d.termYears, d.cadenceMonths)) {
    await acts.finalReportDue(run.workflowId, caseId, now());
    await condition(() => state.current() === 'closed');
    return;
  }
  const dueAt = dialogueCycleDue(new Date(d.startedAt), d.cadenceMonths, d.cycle).toISOString();
  await acts.openDialogueCycle(run.workflowId, caseId, d.cycle, dueAt, now());
  const term = await run.terms.start(reportTermId(run, d.cycle), { subject: `dialogue-report-${d.cycle}`, dueAt, reminderDaysBefore: [14, 3], recipients: {} });
  void term.result().then(async (outcome) => {
    if (outcome === 'lapsed' && !state.cycle.reported && state.current() === 'structured_dialogue') {
      await acts.dialogueReportMissing(run.workflowId, caseId, d.cycle, now());
    }
  });
  await condition(() => state.cycle.concluded || state.current() === 'closed');
  if (state.current() === 'closed') return;
  await condition(allHandlersFinished);
  await signing.endWithRun();
  // The workflow type is the one running (caseWorkflow); its input carries what this run learnt.
  await continueAsNew<(input: CaseWorkflowInput) => Promise<void>>({ ...run.input, resume: state.resumeAfter(d) });
}

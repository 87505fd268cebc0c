import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { reminderTimes } from '@cluster/domain';
import { satisfyTermSignal, termStatusQuery, type TermOutcome, type TermWorkflowInput } from '@cluster/contracts';
import type { CaseActivities } from '@cluster/activities';
import { DB_ACTIVITY } from './activity-options';

const acts = proxyActivities<CaseActivities>(DB_ACTIVITY);

/**
 * A legal term: reminders before it ends, and the outcome `lapsed` when it passes unless it was
 * satisfied first.
 * Durable timers: they fire on time even if every process was restarted in between.
 */
export async function termWorkflow(input: TermWorkflowInput): Promise<TermOutcome> {
  let satisfied = false;
  let remindersSent = 0;
  let outcome: TermOutcome | null = null;
  setHandler(satisfyTermSignal, () => {
    satisfied = true;
  });
  setHandler(termStatusQuery, () => ({ remindersSent, outcome }));

  const { workflowId } = workflowInfo();
  const dueAt = new Date(input.dueAt);
  const waitUntil = async (at: Date) => {
    const ms = at.getTime() - Date.now();
    return ms > 0 ? condition(() => satisfied, ms) : satisfied;
  };

  for (const at of reminderTimes(new Date(input.startedAt), dueAt, input.reminderDaysBefore)) {
    if (await waitUntil(at)) break;
    remindersSent++;
    await acts.recordTermEvent(workflowId, input.caseId, input.subject, 'reminder', input.dueAt, remindersSent, new Date(Date.now()).toISOString(), input.recipients ?? {});
  }
  if (satisfied || (await waitUntil(dueAt))) {
    outcome = 'satisfied';
    return outcome;
  }
  // What a lapse means (no advice, an unsigned agreement, ...) is recorded by the term's owner.
  outcome = 'lapsed';
  return outcome;
}

import { allHandlersFinished, condition, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  callStateQuery,
  caseWorkflowId,
  decideSelectionUpdate,
  openCallUpdate,
  proposeSelectionUpdate,
  selectionOutcomeSignal,
  type CallOpened,
  type CallWorkflowInput,
  type CommandMeta,
  type SelectionDecidedResult,
} from '@cluster/contracts';
import { reminderTimes } from '@cluster/domain';
import type { CallActivities } from '@cluster/activities';
import { DB_ACTIVITY } from './activity-options';
import { surfaced, updateRef } from './update-context';
import { stageConflict, unwrapActivityFailure } from './failures';

const acts = proxyActivities<CallActivities>(DB_ACTIVITY);



/**
 * One call for spearhead clusters, from its opening to its approved selection (contract in
 * libs/contracts/src/call-workflow.contract.ts). Timers remind and close registration; the
 * selection is proposed and decided by updates (the services check who and what); once it is
 * approved every candidate still running is told by a signal, which its case workflow applies.
 */
export async function callWorkflow({ callId, input }: CallWorkflowInput): Promise<void> {
  let opened: CallOpened | null = null;
  let openFailed = false;
  let registrationClosed = false;
  let remindersSent = 0;
  let proposed = false;
  let approved: { result: SelectionDecidedResult; meta: CommandMeta } | null = null;
  let outcomesSent = 0;

  setHandler(callStateQuery, () => ({ opened: opened !== null, registrationClosed, remindersSent, selection: approved ? 'approved' : proposed ? 'proposed' : 'none', outcomesSent }));

  setHandler(
    openCallUpdate,
    async ({ meta }) => {
      try {
        opened = await acts.openCall(updateRef(), callId, input, meta);
        return opened;
      } catch (error) {
        openFailed = true;
        throw unwrapActivityFailure(error);
      }
    },
    {
      validator: (_args) => {
        if (opened || openFailed) throw stageConflict('De oproep is al geopend. / The call is open already.');
      },
    },
  );

  const selectionAllowed = () => {
    if (!opened) throw stageConflict('De oproep is nog niet geopend; probeer het over enkele ogenblikken opnieuw. / The call is not open yet.');
    if (approved) throw stageConflict('De selectie van deze oproep is al goedgekeurd. / The selection of this call was approved already.');
  };

  setHandler(
    proposeSelectionUpdate,
    async ({ meta, proposal }) => {
      const result = await surfaced(() => acts.proposeSelection(updateRef(), callId, proposal, meta));
      proposed = true;
      return result;
    },
    { validator: (_args) => selectionAllowed() },
  );

  setHandler(
    decideSelectionUpdate,
    async ({ meta, selectionId, decision, comment }) => {
      const result = await surfaced(() => acts.decideSelection(updateRef(), callId, selectionId, decision, comment, meta));
      if (result.status === 'approved') approved = { result, meta };
      else proposed = false;
      return result;
    },
    { validator: (_args) => selectionAllowed() },
  );

  // A start whose opening never arrived (or was refused) leaves no call behind: end it.
  const arrived = await condition(() => opened !== null || openFailed, '1 day');
  if (!arrived || !opened) {
    await condition(allHandlersFinished);
    return;
  }
  const call: CallOpened = opened;

  // The timers wait for their moment, unless the selection is approved first (registration had
  // closed by the clock before this step ran): then nobody is left to remind or close for.
  const decided = () => approved !== null;
  const closesAt = new Date(call.registrationClosesAt);
  for (const at of reminderTimes(new Date(Date.now()), closesAt, call.reminderDaysBefore)) {
    if (await condition(decided, Math.max(1, at.getTime() - Date.now()))) break;
    const daysBefore = Math.round((closesAt.getTime() - at.getTime()) / 86_400_000);
    await acts.remindCallDeadline(workflowInfo().workflowId, callId, daysBefore, new Date(Date.now()).toISOString());
    remindersSent++;
  }
  const left = closesAt.getTime() - Date.now();
  if (!decided() && left > 0) await condition(decided, left);
  if (!decided()) await acts.closeCallRegistration(workflowInfo().workflowId, callId, new Date(Date.now()).toISOString());
  registrationClosed = true;

  await condition(() => approved !== null);
  const { result, meta } = approved!;
  for (const o of result.outcomes) {
    // A candidate whose case ended meanwhile (withdrawn) has no workflow left to tell.
    await getExternalWorkflowHandle(caseWorkflowId(o.caseId))
      .signal(selectionOutcomeSignal, { callId, selectionId: result.selectionId, outcome: o.outcome, reason: o.reason, approvedBy: meta.actor, requestId: meta.requestId })
      .catch(() => undefined);
    outcomesSent++;
  }
  await condition(allHandlersFinished);
}

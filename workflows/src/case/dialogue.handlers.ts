import { setHandler } from '@temporalio/workflow';
import {
  closeCaseUpdate,
  decideReleaseUpdate,
  recordDialogueOutcomeUpdate,
  requestReleaseUpdate,
  submitDialogueReportUpdate,
} from '@cluster/contracts';
import { forbidden, stageConflict } from '../failures';
import { surfaced, updateRef } from '../update-context';
import { acts, FOUR_EYES_ONLY, now, type CaseRun } from './case-run';
import { reportTermId } from './dialogue-cycle';

/** The structured dialogue: a cycle's report and outcome, tranche releases (four eyes), and the closure once the term is complete. */
export function registerDialogueHandlers(run: CaseRun): void {
  const { caseId, state } = run;

  const inCycle = (cycle: number) => {
    const { dialogue } = state;
    if (!dialogue || dialogue.cycle !== cycle) throw stageConflict(`Dialoogcyclus ${dialogue?.cycle ?? '-'} is de huidige, niet ${cycle}. / Dialogue cycle ${dialogue?.cycle ?? '-'} is the current one, not ${cycle}.`);
  };

  setHandler(
    submitDialogueReportUpdate,
    async ({ meta, cycle, report }) => {
      const result = await run.committed(() => acts.submitDialogueReport(updateRef(), caseId, cycle, report, now(), meta));
      state.cycle.reported = true;
      await run.terms.end(reportTermId(run, cycle));
      return result;
    },
    {
      validator: ({ cycle }) => {
        run.allowed('submitDialogueReport');
        inCycle(cycle);
        if (state.cycle.reported) throw stageConflict(`Het verslag van cyclus ${cycle} is al ingediend; het is definitief. / The report of cycle ${cycle} is in already; it is final.`);
      },
    },
  );

  setHandler(
    recordDialogueOutcomeUpdate,
    async ({ meta, cycle, outcome, actions }) => {
      const result = await run.committed(() => acts.recordDialogueOutcome(updateRef(), caseId, cycle, outcome, actions, now(), meta));
      state.cycle.concluded = true;
      return result;
    },
    {
      validator: ({ cycle }) => {
        run.allowed('recordDialogueOutcome');
        inCycle(cycle);
        if (state.cycle.concluded) throw stageConflict(`Cyclus ${cycle} heeft al een uitkomst. / Cycle ${cycle} has its outcome already.`);
      },
    },
  );

  setHandler(
    requestReleaseUpdate,
    async ({ meta, ...release }) => {
      const result = await run.committed(() => acts.requestRelease(updateRef(), caseId, release, meta));
      state.pendingReleases.set(result.approvalId, meta.actor.userId);
      return result;
    },
    { validator: (_args) => run.allowed('requestRelease') },
  );

  setHandler(
    decideReleaseUpdate,
    async ({ meta, approvalId, decision, comment }) => {
      const result = await run.committed(() => acts.decideRelease(updateRef(), caseId, approvalId, decision, comment, meta));
      state.pendingReleases.delete(approvalId);
      return result;
    },
    {
      validator: ({ meta, approvalId }) => {
        run.allowed('decideRelease');
        const requester = state.pendingReleases.get(approvalId);
        if (!requester) throw stageConflict('Deze vrijgave wacht niet (meer) op goedkeuring. / This release is not awaiting approval.');
        // Four eyes, in the workflow too.
        if (requester === meta.actor.userId) throw forbidden('Vier ogen: niemand keurt zijn eigen vraag tot vrijgave goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own release request.');
      },
    },
  );

  setHandler(
    closeCaseUpdate,
    async ({ meta, explanation, finalReport }) => {
      const completed = state.termCompleted();
      const result = await surfaced(() =>
        acts.closeCase(updateRef(), caseId, completed ? 'term_completed' : 'ended_early', explanation, finalReport, now(), meta),
      );
      state.anchor(result.auditHead);
      state.moveTo('closed');
      return result;
    },
    {
      validator: (_args) => {
        run.allowed('closeCase');
        if (!state.termCompleted()) throw stageConflict(FOUR_EYES_ONLY);
      },
    },
  );
}

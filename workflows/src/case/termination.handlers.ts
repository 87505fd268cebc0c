import { setHandler } from '@temporalio/workflow';
import { isTerminationKind, TERMINATION_COMMAND } from '@cluster/domain';
import { decideTerminationUpdate, proposeTerminationUpdate } from '@cluster/contracts';
import { forbidden, stageConflict } from '../failures';
import { surfaced, updateRef } from '../update-context';
import { acts, now, type CaseRun } from './case-run';

/** A rejection, a stop, an early end or a withdrawal: proposed, then approved by another person (four eyes). */
export function registerTerminationHandlers(run: CaseRun): void {
  const { caseId, state } = run;

  setHandler(
    proposeTerminationUpdate,
    async ({ meta, kind, reason, finalReport }) => {
      const result = await run.committed(() => acts.proposeTermination(updateRef(), caseId, { kind, reason, finalReport }, now(), meta));
      state.pendingTermination = { approvalId: result.approvalId, kind: result.kind, proposedBy: result.proposedBy };
      return result;
    },
    {
      validator: ({ kind }) => {
        if (!isTerminationKind(kind)) throw stageConflict(`Onbekende soort beëindiging: ${String(kind)}. / Unknown termination: ${String(kind)}.`);
        run.allowed(TERMINATION_COMMAND[kind]);
        if (kind === 'agreement_early_end' && state.termCompleted()) throw stageConflict('De looptijd is voltooid: sluit het dossier af met het eindrapport. / The term is complete: close the case with the final report.');
      },
    },
  );

  setHandler(
    decideTerminationUpdate,
    async ({ meta, approvalId, decision, comment }) => {
      // An advice round being opened or closed first comes to rest: the effect lands on a settled case.
      if (run.settling) await run.settled();
      const result = await surfaced(() => acts.decideTermination(updateRef(), caseId, approvalId, decision, comment, now(), meta));
      state.pendingTermination = null;
      state.anchor(result.auditHead);
      if (result.decision === 'approve') {
        state.moveTo('closed');
        state.endedByTermination = true;
        // Every term of this run ends now (reminders and escalations would speak of a closed case).
        await run.terms.endAll();
      }
      return result;
    },
    {
      validator: ({ meta, approvalId }) => {
        run.allowed('decideTermination');
        const pending = state.pendingTermination;
        if (!pending || pending.approvalId !== approvalId) throw stageConflict('Deze goedkeuring wacht niet (meer) op een beslissing. / This approval is not pending.');
        // Four eyes, in the workflow too.
        if (pending.proposedBy === meta.actor.userId) throw forbidden('Vier ogen: niemand keurt zijn eigen voorstel goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own proposal.');
      },
    },
  );
}

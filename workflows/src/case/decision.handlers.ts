import { setHandler } from '@temporalio/workflow';
import { decideApprovalUpdate, proposeDecisionUpdate } from '@cluster/contracts';
import { forbidden, stageConflict } from '../failures';
import { updateRef } from '../update-context';
import { acts, type CaseRun } from './case-run';

/** The government decision: proposed, then approved or sent back by another person (four eyes). */
export function registerDecisionHandlers(run: CaseRun): void {
  const { caseId, state } = run;

  const decisionProposalAllowed = () => {
    run.allowed('proposeDecision');
    if (state.pendingApproval) throw stageConflict('Er wacht al een voorstel van beslissing op goedkeuring. / A proposed decision already awaits approval.');
  };

  setHandler(
    proposeDecisionUpdate,
    async ({ meta, proposal }) => {
      if (run.settling) {
        await run.settled();
        decisionProposalAllowed();
      }
      const result = await run.committed(() => acts.proposeDecision(updateRef(), caseId, proposal, meta));
      state.pendingApproval = { approvalId: result.approvalId, proposedBy: result.proposedBy };
      return result;
    },
    {
      validator: (_args) => {
        if (!run.settling) decisionProposalAllowed();
      },
    },
  );

  setHandler(
    decideApprovalUpdate,
    async ({ meta, approvalId, decision, comment }) => {
      const result = await run.committed(() => acts.decideApproval(updateRef(), caseId, approvalId, decision, comment, meta));
      state.pendingApproval = null;
      state.moveTo(result.stage);
      return result;
    },
    {
      validator: ({ meta, approvalId }) => {
        run.allowed('decideApproval');
        const pending = state.pendingApproval;
        if (!pending || pending.approvalId !== approvalId) throw stageConflict('Deze goedkeuring wacht niet (meer) op een beslissing. / This approval is not pending.');
        // Four eyes, in the workflow too.
        if (pending.proposedBy === meta.actor.userId) throw forbidden('Vier ogen: niemand keurt zijn eigen voorstel goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own proposal.');
      },
    },
  );
}

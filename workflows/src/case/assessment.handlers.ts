import { setHandler } from '@temporalio/workflow';
import type { CaseStage } from '@cluster/domain';
import {
  assignAssessorsUpdate,
  concludeAssessmentUpdate,
  declareConflictUpdate,
  selectionOutcomeSignal,
  submitAssessmentUpdate,
  type CommandMeta,
} from '@cluster/contracts';
import { forbidden, stageConflict } from '../failures';
import { updateRef } from '../update-context';
import { acts, FOUR_EYES_ONLY, type CaseRun } from './case-run';

/** The quality assessment: assessors, their conflict declarations and assessments, the conclusion; a call's selection. */
export function registerAssessmentHandlers(run: CaseRun): void {
  const { caseId, state } = run;

  setHandler(
    assignAssessorsUpdate,
    async ({ meta, assessorIds }) => {
      const result = await run.committed(() => acts.assignAssessors(updateRef(), caseId, assessorIds, meta));
      result.assessorIds.forEach((id) => state.assessors.set(id, 'assigned'));
      return result;
    },
    { validator: (_args) => run.allowed('assignAssessors') },
  );

  const assessorOnly = (userId: string) => {
    if (!state.assessors.has(userId)) throw forbidden('U bent geen beoordelaar van deze versie van de routekaart. / You are not an assessor of this roadmap version.');
  };

  setHandler(
    declareConflictUpdate,
    async ({ meta, hasConflict, note }) => {
      const result = await run.committed(() => acts.declareConflict(updateRef(), caseId, hasConflict, note, meta));
      state.assessors.set(meta.actor.userId, hasConflict ? 'conflict_declared' : 'cleared');
      return result;
    },
    {
      validator: ({ meta }) => {
        run.allowed('declareConflict');
        assessorOnly(meta.actor.userId);
      },
    },
  );

  setHandler(
    submitAssessmentUpdate,
    async ({ meta, content }) => {
      const result = await run.committed(() => acts.submitAssessment(updateRef(), caseId, content, meta));
      state.assessors.set(meta.actor.userId, 'submitted');
      return result;
    },
    {
      validator: ({ meta }) => {
        run.allowed('submitAssessment');
        assessorOnly(meta.actor.userId);
        if (state.assessors.get(meta.actor.userId) === 'conflict_declared') throw forbidden('U hebt een belangenconflict voor deze cluster verklaard; een andere beoordelaar beoordeelt. / You declared a conflict of interest for this cluster.');
      },
    },
  );

  // A call's approved selection (call.workflow.ts): a candidate waiting in `selection` goes on to
  // the advice or is closed with the reason; one still drafting is closed (not in time).
  setHandler(selectionOutcomeSignal, async (s) => {
    const meta: CommandMeta = { actor: s.approvedBy, requestId: s.requestId };
    const result = await acts.applySelectionOutcome({ workflowId: run.workflowId, updateId: `selection-${s.selectionId}` }, caseId, s, meta);
    if (result.applied) state.moveTo(result.stage as CaseStage);
  });

  setHandler(
    concludeAssessmentUpdate,
    async ({ meta, outcome, remarks }) => {
      const result = await run.committed(() => acts.concludeAssessment(updateRef(), caseId, outcome, remarks, meta));
      state.moveTo(result.stage);
      return result;
    },
    {
      validator: ({ outcome }) => {
        run.allowed('concludeAssessment');
        if (outcome === 'reject') throw stageConflict(FOUR_EYES_ONLY);
      },
    },
  );
}

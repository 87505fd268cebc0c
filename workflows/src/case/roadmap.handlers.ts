import { setHandler } from '@temporalio/workflow';
import { registerCaseUpdate, saveRoadmapDraftUpdate, submitRoadmapUpdate } from '@cluster/contracts';
import { stageConflict, unwrapActivityFailure } from '../failures';
import { updateRef } from '../update-context';
import { acts, type CaseRun } from './case-run';

/** Registration (the start's first update) and the roadmap's drafts and submission. */
export function registerRoadmapHandlers(run: CaseRun): void {
  const { caseId, state } = run;

  setHandler(
    registerCaseUpdate,
    async ({ meta }) => {
      try {
        const view = await run.committed(() => acts.registerCase(updateRef(), caseId, run.input.details, meta));
        state.registered = true;
        return view;
      } catch (error) {
        state.registrationFailed = true;
        throw unwrapActivityFailure(error);
      }
    },
    {
      validator: (_args) => {
        if (state.registered || state.registrationFailed) throw stageConflict('Het dossier is al geregistreerd. / The case is already registered.');
      },
    },
  );

  setHandler(saveRoadmapDraftUpdate, ({ meta, content }) => run.committed(() => acts.saveRoadmapDraft(updateRef(), caseId, content, meta)), {
    validator: (_args) => run.allowed('saveRoadmapDraft'),
  });

  setHandler(
    submitRoadmapUpdate,
    async ({ meta }) => {
      const result = await run.committed(() => acts.submitRoadmap(updateRef(), caseId, meta));
      state.submittedVersion = result.version;
      state.assessors.clear();
      state.moveTo('quality_assessment');
      return result;
    },
    { validator: (_args) => run.allowed('submitRoadmap') },
  );
}

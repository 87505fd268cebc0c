import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { commandRefusal, type CaseStage } from '@cluster/domain';
import {
  caseStateQuery,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  type CaseWorkflowInput,
} from '@cluster/contracts';
import type { CaseActivities, UpdateRef } from '@cluster/activities';
import { DB_ACTIVITY } from './activity-options';
import { stageConflict, unwrapActivityFailure } from './failures';

const acts = proxyActivities<CaseActivities>(DB_ACTIVITY);

function updateRef(): UpdateRef {
  return { workflowId: workflowInfo().workflowId, updateId: currentUpdateInfo()?.id ?? 'no-update-id' };
}

/**
 * One case of one spearhead cluster, for its whole life (years). Commands arrive as updates whose
 * validators refuse what the current stage does not allow; handlers write through activities.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  // Advanced by the later stages (assessment, advice, decision, ...) as they are built.
  const stage = 'roadmap_drafting' as CaseStage;
  let registered = false;
  let registrationFailed = false;

  setHandler(caseStateQuery, () => ({ stage, registered }));

  setHandler(
    registerCaseUpdate,
    async ({ meta }) => {
      try {
        const view = await acts.registerCase(updateRef(), input.caseId, input.details, meta);
        registered = true;
        return view;
      } catch (error) {
        registrationFailed = true;
        throw unwrapActivityFailure(error);
      }
    },
    {
      validator: (_args) => {
        if (registered || registrationFailed) throw stageConflict('The case is already registered.');
      },
    },
  );

  setHandler(
    saveRoadmapDraftUpdate,
    async ({ meta, content }) => {
      try {
        return await acts.saveRoadmapDraft(updateRef(), input.caseId, content, meta);
      } catch (error) {
        throw unwrapActivityFailure(error);
      }
    },
    {
      validator: (_args) => {
        if (!registered) throw stageConflict('The case is not registered yet.');
        const refusal = commandRefusal(stage, 'saveRoadmapDraft');
        if (refusal) throw stageConflict(refusal);
      },
    },
  );

  // A start whose registration never arrived (the API gave up) leaves no case behind: end it.
  const arrived = await condition(() => registered || registrationFailed, '1 day');
  if (!arrived || registrationFailed) {
    await condition(allHandlersFinished);
    return;
  }

  // Later stages (assessment, advice, decision, ...) advance `stage` from here.
  await condition(() => stage === 'closed');
  await condition(allHandlersFinished);
}

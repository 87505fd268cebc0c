import type { CaseStage, OtherAction } from '@cluster/domain';

/**
 * When the documents of the later steps are attached (the case page's "in this stage" answer; the
 * documents service checks the same under the case lock): the signed agreement while it is being
 * signed and in the dialogue it governs, dialogue reports during the dialogue, milestone evidence
 * during the test trajectory, the government's decision once its proposal was approved (a
 * rejection closes the case; its decision is still recorded then).
 */
export const DOCUMENT_ACTION_STAGES: Partial<Record<OtherAction, readonly CaseStage[]>> = {
  recordGovernmentDecision: ['test_trajectory', 'partnership_agreement', 'structured_dialogue', 'closed'],
  attachAgreementDocument: ['partnership_agreement', 'structured_dialogue'],
  attachDialogueDocument: ['structured_dialogue'],
  attachMilestoneDocument: ['test_trajectory'],
};

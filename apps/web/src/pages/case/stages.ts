import type { components } from '../../api/schema';

export type CaseView = components['schemas']['CaseDto'];
export type CaseStage = CaseView['stage'];

/** The process in order (DOMAIN.md): each stage is one step of the tracker. */
export const CASE_STAGES: readonly CaseStage[] = [
  'roadmap_drafting',
  'quality_assessment',
  // Only a call's candidate passes here (it waits for the call's selection).
  'selection',
  'advice',
  'decision',
  'test_trajectory',
  'partnership_agreement',
  'structured_dialogue',
  'closed',
];

export const stageIndex = (stage: CaseStage): number => CASE_STAGES.indexOf(stage);

/** Whether the case has reached (or passed) a stage: later sections say "not yet" before that. */
export const reached = (view: CaseView, stage: CaseStage): boolean => stageIndex(view.stage) >= stageIndex(stage);

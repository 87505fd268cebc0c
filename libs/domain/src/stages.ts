import { DomainError } from './errors';
import { COMMAND_WORDS, STAGE_WORDS, stageList } from './process-words';

/** The stages of one case, in process order (DOMAIN.md, "The stepwise process of one case"). */
export const CASE_STAGES = [
  'roadmap_drafting',
  'quality_assessment',
  // A call's candidate whose assessment concluded "proceed" waits here for the call's selection
  // (selection.ts); a case outside any call goes straight on to the advice.
  'selection',
  'advice',
  'decision',
  'test_trajectory',
  'partnership_agreement',
  'structured_dialogue',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export function isCaseStage(value: unknown): value is CaseStage {
  return typeof value === 'string' && (CASE_STAGES as readonly string[]).includes(value);
}

/** Every stage before closure. */
const OPEN_STAGES = CASE_STAGES.filter((s): s is Exclude<CaseStage, 'closed'> => s !== 'closed');

/** Commands a case accepts. Each names the stages in which it is allowed. */
export const CASE_COMMAND_STAGES = {
  saveRoadmapDraft: ['roadmap_drafting'],
  submitRoadmap: ['roadmap_drafting'],
  assignAssessors: ['quality_assessment'],
  declareConflict: ['quality_assessment'],
  submitAssessment: ['quality_assessment'],
  concludeAssessment: ['quality_assessment'],
  submitAdvice: ['advice'],
  proposeDecision: ['decision'],
  decideApproval: ['decision'],
  planTrajectory: ['test_trajectory'],
  recordMilestoneEvidence: ['test_trajectory'],
  concludeTrajectory: ['test_trajectory'],
  // During the dialogue a new version is an amendment (or an extension of the term).
  draftAgreement: ['partnership_agreement', 'structured_dialogue'],
  signAgreement: ['partnership_agreement', 'structured_dialogue'],
  submitDialogueReport: ['structured_dialogue'],
  recordDialogueOutcome: ['structured_dialogue'],
  requestRelease: ['structured_dialogue'],
  decideRelease: ['structured_dialogue'],
  closeCase: ['structured_dialogue'],
  // Four eyes for what ends a case (termination.ts): proposed by one person, approved by another.
  proposeAssessmentRejection: ['quality_assessment'],
  proposeTrajectoryStop: ['test_trajectory'],
  proposeEarlyEnd: ['structured_dialogue'],
  withdrawCase: OPEN_STAGES,
  decideTermination: OPEN_STAGES,
} as const satisfies Record<string, readonly CaseStage[]>;
export type CaseCommand = keyof typeof CASE_COMMAND_STAGES;

/** Why a command is refused in a stage, or null when it is allowed. */
export function commandRefusal(stage: CaseStage, command: CaseCommand): string | null {
  const allowed: readonly CaseStage[] = CASE_COMMAND_STAGES[command];
  if (allowed.includes(stage)) return null;
  const what = COMMAND_WORDS[command];
  if (stage === 'closed') return `${what.nl} kan niet meer: het dossier is afgesloten. / ${what.en} is no longer possible: the case is closed.`;
  return (
    `${what.nl} kan niet in de fase "${STAGE_WORDS[stage].nl}" waarin het dossier nu is; dat kan alleen in ${stageList(allowed, 'nl')}. / ` +
    `${what.en} is not possible in the stage "${STAGE_WORDS[stage].en}" the case is in now; only in ${stageList(allowed, 'en')}.`
  );
}

export function assertCommandAllowed(stage: CaseStage, command: CaseCommand): void {
  const refusal = commandRefusal(stage, command);
  if (refusal) throw new DomainError('STAGE_CONFLICT', refusal);
}

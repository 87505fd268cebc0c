import type { Words } from './permissions';
import type { ConclusionOutcome } from './assessment';
import type { DecisionOutcome } from './decision';
import type { CaseCommand, CaseStage } from './stages';
import type { TrajectoryOutcome } from './trajectory';

/**
 * What people read for a stage, a command or an outcome, when the API refuses something "in this
 * stage" or sums up a decision: the words, never `proposeDecision`, `test_trajectory` or
 * `ended_early` (those stay in logs). The stage names are the
 * web app's (apps/web/src/i18n/locales/{nl,en}/cases.json, "stage"); a new stage, command or
 * outcome does not compile until it has its words here.
 */
export const STAGE_WORDS: Record<CaseStage, Words> = {
  roadmap_drafting: { nl: 'Routekaart opstellen', en: 'Drafting the roadmap' },
  quality_assessment: { nl: 'Kwaliteitsbeoordeling', en: 'Quality assessment' },
  selection: { nl: 'Selectie', en: 'Selection' },
  advice: { nl: 'Advies', en: 'Advice' },
  decision: { nl: 'Beslissing', en: 'Decision' },
  test_trajectory: { nl: 'Testtraject', en: 'Test trajectory' },
  partnership_agreement: { nl: 'Partnerschapsovereenkomst', en: 'Partnership agreement' },
  structured_dialogue: { nl: 'Gestructureerde dialoog', en: 'Structured dialogue' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
};

/** Each command as the start of a sentence: "<words> kan niet …" / "<words> is not possible …". */
export const COMMAND_WORDS: Record<CaseCommand, Words> = {
  saveRoadmapDraft: { nl: 'Een ontwerp van de routekaart bewaren', en: 'Saving a draft of the roadmap' },
  submitRoadmap: { nl: 'De routekaart indienen', en: 'Submitting the roadmap' },
  assignAssessors: { nl: 'Beoordelaars aanwijzen', en: 'Assigning assessors' },
  declareConflict: { nl: 'Een belangenverklaring afleggen', en: 'Declaring a conflict of interest' },
  submitAssessment: { nl: 'Een beoordeling indienen', en: 'Submitting an assessment' },
  concludeAssessment: { nl: 'De beoordeling afsluiten', en: 'Concluding the assessment' },
  submitAdvice: { nl: 'Advies geven', en: 'Giving advice' },
  proposeDecision: { nl: 'Een beslissing voorstellen', en: 'Proposing a decision' },
  decideApproval: { nl: 'Over het voorstel van beslissing beslissen', en: 'Deciding on the proposed decision' },
  planTrajectory: { nl: 'Het testtraject plannen', en: 'Planning the test trajectory' },
  recordMilestoneEvidence: { nl: 'Bewijs van een mijlpaal vastleggen', en: 'Recording evidence of a milestone' },
  concludeTrajectory: { nl: 'Het testtraject evalueren', en: 'Evaluating the test trajectory' },
  draftAgreement: { nl: 'Een versie van de overeenkomst opstellen', en: 'Drafting a version of the agreement' },
  signAgreement: { nl: 'De overeenkomst ondertekenen', en: 'Signing the agreement' },
  submitDialogueReport: { nl: 'Het dialoogverslag indienen', en: 'Submitting the dialogue report' },
  recordDialogueOutcome: { nl: 'De uitkomst van de dialoog vastleggen', en: 'Recording the outcome of the dialogue' },
  requestRelease: { nl: 'Een vrijgave van budget vragen', en: 'Requesting a budget release' },
  decideRelease: { nl: 'Over een vrijgave van budget beslissen', en: 'Deciding on a budget release' },
  closeCase: { nl: 'Het dossier afsluiten', en: 'Closing the case' },
  proposeAssessmentRejection: { nl: 'Een afwijzing na de beoordeling voorstellen', en: 'Proposing a rejection after the assessment' },
  proposeTrajectoryStop: { nl: 'De stopzetting van het testtraject voorstellen', en: 'Proposing to stop the test trajectory' },
  proposeEarlyEnd: { nl: 'Een vroegtijdige beëindiging voorstellen', en: 'Proposing an early end' },
  withdrawCase: { nl: 'Het dossier intrekken', en: 'Withdrawing the case' },
  decideTermination: { nl: 'Over de beëindiging beslissen', en: 'Deciding on the ending of the case' },
};

/** "de fase X" / "de fases X of Y", in process order, quoted as the web app names them. */
export function stageList(stages: readonly CaseStage[], lang: keyof Words): string {
  const names = stages.map((s) => `"${STAGE_WORDS[s][lang]}"`);
  const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${lang === 'nl' ? 'of' : 'or'} ${names.at(-1)}` : names[0];
  if (lang === 'nl') return `${names.length > 1 ? 'de fases' : 'de fase'} ${joined}`;
  return `${names.length > 1 ? 'the stages' : 'the stage'} ${joined}`;
}

export const CONCLUSION_WORDS: Record<ConclusionOutcome, Words> = {
  proceed: { nl: 'doorgaan naar het advies', en: 'proceed to advice' },
  revise: { nl: 'de routekaart laten herwerken', en: 'have the roadmap revised' },
  reject: { nl: 'afwijzen', en: 'reject' },
};

/** What the government decides on a candidate cluster (a proposed decision's outcome). */
export const DECISION_WORDS: Record<DecisionOutcome, Words> = {
  approve: { nl: 'goedkeuring', en: 'approval' },
  approve_with_conditions: { nl: 'goedkeuring onder voorwaarden', en: 'approval with conditions' },
  reject: { nl: 'afwijzing', en: 'rejection' },
};

export const TRAJECTORY_WORDS: Record<TrajectoryOutcome, Words> = {
  proceed: { nl: 'doorgaan naar de overeenkomst', en: 'proceed to the agreement' },
  extend: { nl: 'het testtraject verlengen', en: 'extend the test trajectory' },
  stop: { nl: 'stopzetten', en: 'stop' },
};

/** Why a case closed (case_closures.reason). */
export const CLOSURE_WORDS: Record<'term_completed' | 'ended_early' | 'withdrawn' | 'not_selected', Words> = {
  term_completed: { nl: 'looptijd voltooid', en: 'term completed' },
  ended_early: { nl: 'vroegtijdig beëindigd', en: 'ended early' },
  withdrawn: { nl: 'ingetrokken', en: 'withdrawn' },
  not_selected: { nl: 'niet geselecteerd in de oproep', en: 'not selected in the call' },
};

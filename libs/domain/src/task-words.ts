import type { Words } from './permissions';

/**
 * What a task asks, in words (the same as the web app's inbox, apps/web/src/i18n/locales/*\/core.json
 * "task"), for what the API itself says about tasks: the portfolio's overdue list and its CSV.
 */
export const TASK_WORDS: Record<string, Words> = {
  advice: { nl: 'Advies geven', en: 'Give advice' },
  advice_lapsed: { nl: 'Advies niet tijdig ontvangen', en: 'Advice not received in time' },
  agreement_draft: { nl: 'Partnerschapsovereenkomst opstellen', en: 'Draft the partnership agreement' },
  agreement_overdue: { nl: 'Ondertekening te laat', en: 'Signing overdue' },
  agreement_signature: { nl: 'Overeenkomst ondertekenen', en: 'Sign the agreement' },
  approval: { nl: 'Goedkeuren', en: 'Approve' },
  assessment: { nl: 'Routekaart beoordelen', en: 'Assess the roadmap' },
  assessment_conclusion: { nl: 'Beoordeling afronden', en: 'Conclude the assessment' },
  assessor_assignment: { nl: 'Beoordelaars aanwijzen', en: 'Assign assessors' },
  budget_release: { nl: 'Budgetvrijgave goedkeuren', en: 'Approve a budget release' },
  decision_proposal: { nl: 'Besluit voorstellen', en: 'Propose the decision' },
  dialogue_outcome: { nl: 'Uitkomst dialoog vastleggen', en: 'Record the dialogue outcome' },
  dialogue_report: { nl: 'Voortgangsrapport indienen', en: 'Submit the progress report' },
  dialogue_report_missing: { nl: 'Voortgangsrapport ontbreekt', en: 'Progress report missing' },
  final_report: { nl: 'Eindrapport en afsluiting', en: 'Final report and closure' },
  milestone_overdue: { nl: 'Mijlpaal te laat', en: 'Milestone overdue' },
  roadmap_drafting: { nl: 'Routekaart opstellen', en: 'Write the roadmap' },
  roadmap_revision: { nl: 'Routekaart herwerken', en: 'Revise the roadmap' },
  trajectory_evaluation: { nl: 'Testtraject evalueren', en: 'Evaluate the test trajectory' },
  trajectory_plan: { nl: 'Testtraject plannen', en: 'Plan the test trajectory' },
};

/** A task kind not (yet) in the table still reads as something a person understands. */
export function taskWords(kind: string): Words {
  return TASK_WORDS[kind] ?? { nl: 'Taak', en: 'Task' };
}

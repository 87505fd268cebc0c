import type { CaseCommand } from './stages';

/**
 * What ends a case before its course is run: a rejection at the assessment, a stopped test
 * trajectory, an agreement ended early, a withdrawal. Each is proposed by one person and takes
 * effect only when a second person (an approver, never the proposer) approves it (DOMAIN.md,
 * "Rules decided (turn 2)"). The kinds are also the approvals' subject types.
 */
export const TERMINATION_KINDS = ['assessment_rejection', 'trajectory_stop', 'agreement_early_end', 'case_withdrawal'] as const;
export type TerminationKind = (typeof TERMINATION_KINDS)[number];

export function isTerminationKind(value: unknown): value is TerminationKind {
  return typeof value === 'string' && (TERMINATION_KINDS as readonly string[]).includes(value);
}

/** The command that proposes each kind: its stages are where the proposal may be made. */
export const TERMINATION_COMMAND: Record<TerminationKind, CaseCommand> = {
  assessment_rejection: 'proposeAssessmentRejection',
  trajectory_stop: 'proposeTrajectoryStop',
  agreement_early_end: 'proposeEarlyEnd',
  case_withdrawal: 'withdrawCase',
};

/** In words, for refusals and summaries (Dutch first). */
export const TERMINATION_LABEL: Record<TerminationKind, { nl: string; en: string }> = {
  assessment_rejection: { nl: 'afwijzing na de beoordeling', en: 'rejection at the assessment' },
  trajectory_stop: { nl: 'stopzetting van het testtraject', en: 'stop of the test trajectory' },
  agreement_early_end: { nl: 'vroegtijdige beëindiging van de overeenkomst', en: 'early end of the agreement' },
  case_withdrawal: { nl: 'intrekking van het dossier', en: 'withdrawal of the case' },
};

/**
 * Commands that would move the case to another stage. While a termination awaits approval they
 * are refused: the approver decides on the case as it was proposed, not on one that moved on.
 * (The workflow's own steps, an advice round closing on its terms, are legal facts and go on.)
 */
export const STAGE_MOVING_COMMANDS: readonly CaseCommand[] = [
  'submitRoadmap',
  'concludeAssessment',
  'decideApproval',
  'concludeTrajectory',
  'signAgreement',
  'closeCase',
];

export interface PendingTermination {
  approvalId: string;
  kind: TerminationKind;
  proposedBy: string;
}

/** Why `command` is refused while `pending` awaits approval, or null when it may go ahead. */
export function pendingTerminationRefusal(pending: PendingTermination | null, command: CaseCommand): string | null {
  if (!pending) return null;
  const label = TERMINATION_LABEL[pending.kind];
  if (STAGE_MOVING_COMMANDS.includes(command)) {
    return `Er wacht een voorstel tot ${label.nl} op goedkeuring; het dossier verandert niet van fase tot een goedkeurder beslist. / A proposed ${label.en} awaits approval; the case does not change stage until an approver decides.`;
  }
  if (Object.values(TERMINATION_COMMAND).includes(command)) {
    return `Er wacht al een voorstel tot ${label.nl} op goedkeuring. / A proposed ${label.en} already awaits approval.`;
  }
  return null;
}

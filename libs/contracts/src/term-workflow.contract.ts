import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * A legal term (an advice term, a signing deadline, a milestone due date): reminders before it
 * ends and an escalation when it passes, as durable timers that survive any restart.
 */
export const TERM_WORKFLOW_TYPE = 'termWorkflow';

export function termWorkflowId(caseId: string, subject: string): string {
  return `case-${caseId}-term-${subject}`;
}

export interface TermWorkflowInput {
  caseId: string;
  /** What the term is for, e.g. "advice-RI". Unique within the case. */
  subject: string;
  startedAt: string;
  dueAt: string;
  reminderDaysBefore: number[];
  /** Who is reminded: a council's members and/or named users. */
  recipients?: { councilCode?: string; userIds?: string[] };
}

export type TermOutcome = 'satisfied' | 'lapsed';

export const satisfyTermSignal = defineSignal('satisfyTerm');
export const termStatusQuery = defineQuery<{ remindersSent: number; outcome: TermOutcome | null }>(
  'termStatus',
);

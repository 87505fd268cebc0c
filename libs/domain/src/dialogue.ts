import { calendarDateProblems } from './calendar-date';
import type { FieldError } from './errors';
import type { ProjectProgress } from './project';

export const DIALOGUE_OUTCOMES = ['on_track', 'attention', 'off_track'] as const;
export type DialogueOutcome = (typeof DIALOGUE_OUTCOMES)[number];

export interface DialogueReport {
  /** Progress on the roadmap's milestones. */
  milestoneProgress: string;
  /** Progress of the project portfolio. */
  portfolioProgress: string;
  /**
   * Per project of the case's portfolio, its status and progress as the cluster reports them
   * (optional: reports from before the portfolio existed have none).
   */
  projects?: ProjectProgress[];
}

export interface DialogueAction {
  description: string;
  owner: string;
  dueDate: string;
}

/** The outcome's actions: each due on a real calendar day (the record is final once stored). */
export function dialogueActionProblems(actions: DialogueAction[]): FieldError[] {
  return calendarDateProblems(actions.map((a, i) => ({ field: `actions.${i}.dueDate`, value: a.dueDate })));
}

/** `months` calendar months after `from` (UTC), clamped to the month's last day. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * The dialogue cycles of an agreement: one every `cadenceMonths` from the start, the last one at
 * the end of the term. Cycle n (from 1) is due `n × cadence` months after the start.
 */
export function dialogueCycleDue(start: Date, cadenceMonths: number, cycle: number): Date {
  return addMonths(start, cadenceMonths * cycle);
}

export function dialogueCycleCount(termYears: number, cadenceMonths: number): number {
  return Math.floor((termYears * 12) / cadenceMonths);
}

import { calendarDateMessage, isCalendarDate } from './calendar-date';
import type { FieldError } from './errors';
import type { PolicyDocument } from './policy';

/** One milestone of the test trajectory: which instrument serves which roadmap action, by when. */
export interface MilestonePlan {
  action: string;
  instrumentCode: string;
  /** Amount foreseen, in integer cents. */
  amountForeseenCents: number;
  /** ISO date (Brussels calendar day) by which it must be met. */
  dueDate: string;
}

export const TRAJECTORY_OUTCOMES = ['proceed', 'extend', 'stop'] as const;
export type TrajectoryOutcome = (typeof TRAJECTORY_OUTCOMES)[number];

/** Instruments known to the case's policy version, due dates real days after `today` (an ISO date). */
export function trajectoryProblems(policy: PolicyDocument, milestones: MilestonePlan[], today: string): FieldError[] {
  const instruments = policy.instruments.map((i) => i.code);
  const problems: FieldError[] = [];
  milestones.forEach((m, i) => {
    if (!instruments.includes(m.instrumentCode)) {
      problems.push({ field: `milestones.${i}.instrumentCode`, messages: [`Kies een instrument uit ${instruments.join(', ')}. / instrumentCode must be one of ${instruments.join(', ')}`] });
    }
    problems.push(...dueDateProblems(`milestones.${i}.dueDate`, m.dueDate, today));
  });
  return problems;
}

/**
 * A milestone's (new) due date: a real day, after today. Checked here too, not only by the API:
 * an impossible date that reached the service would otherwise fail as a RangeError (retried, never
 * answered) where it is the caller's mistake (400).
 */
export function dueDateProblems(field: string, dueDate: unknown, today: string): FieldError[] {
  if (!isCalendarDate(dueDate)) return [{ field, messages: [calendarDateMessage('dueDate')] }];
  return dueDate <= today ? [{ field, messages: ['De vervaldatum moet in de toekomst liggen. / dueDate must lie in the future'] }] : [];
}

/** The action × instrument matrix: amounts foreseen per roadmap action and instrument (cents). */
export function actionInstrumentMatrix(milestones: Pick<MilestonePlan, 'action' | 'instrumentCode' | 'amountForeseenCents'>[]): {
  actions: string[];
  instruments: string[];
  cells: Record<string, Record<string, number>>;
} {
  const actions = [...new Set(milestones.map((m) => m.action))];
  const instruments = [...new Set(milestones.map((m) => m.instrumentCode))].sort();
  const cells: Record<string, Record<string, number>> = {};
  for (const m of milestones) {
    cells[m.action] ??= {};
    cells[m.action]![m.instrumentCode] = (cells[m.action]![m.instrumentCode] ?? 0) + m.amountForeseenCents;
  }
  return { actions, instruments, cells };
}

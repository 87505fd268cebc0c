import type { EuropeanPartnership, LinkNature } from './european';
import type { HandbookGuidance } from './roadmap-handbook';

/** Text in the users' languages: Dutch first, English second. */
export interface LocalizedText {
  nl: string;
  en: string;
}

export interface CouncilPolicy {
  code: string;
  name: LocalizedText;
  adviceTermDays: number;
  reminderDaysBefore: number[];
  /** Periods in which this council's terms do not run (e.g. a summer recess), inclusive ISO dates. */
  suspensions?: { from: string; to: string; reason?: string }[];
}

export interface CodedText {
  code: string;
  text: LocalizedText;
}

export interface InstrumentPolicy {
  code: string;
  name: LocalizedText;
  /** The policy domain that holds the instrument (the concept note pools instruments of several). */
  policyDomain?: LocalizedText;
}

/**
 * Reference data as one versioned document: a running case keeps the version it started with,
 * so terms and criteria never shift under it.
 */
export interface PolicyDocument {
  councils: CouncilPolicy[];
  gateQuestions: CodedText[];
  criteria: CodedText[];
  scoreScale: { min: number; max: number };
  minAssessors: number;
  instruments: InstrumentPolicy[];
  dialogueCadenceMonths: number;
  signingDeadlineDays: number;
  milestoneReminderDaysBefore: number[];
  /**
   * Weights of the criteria in a call's proposed ranking (selection.ts); a criterion without a
   * weight counts 1. Older versions have none: every criterion counts the same.
   */
  selectionWeights?: { criterionCode: string; weight: number }[];
  /** Non-working days on top of the Belgian and Flemish public holidays (ISO dates). */
  extraHolidays?: string[];
  /** European strategic partnerships and platforms a roadmap may link to (issue 14). */
  europeanPartnerships?: EuropeanPartnership[];
  /** The natures of such a link (member, aligned objectives, …). */
  linkNatures?: LinkNature[];
  /** The roadmap handbook: guidance per section, shown beside each field of the roadmap editor. */
  roadmapHandbook?: HandbookGuidance[];
  /**
   * Whether a roadmap is submitted only with its baseline ("vandaag"). Absent in versions from
   * before the baseline existed, so a case pinned to one is never stopped by a rule it did not know.
   */
  roadmapBaselineRequired?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Dates at which reminders fire before a due date, earliest first, never before `from`. */
export function reminderTimes(from: Date, dueAt: Date, daysBefore: number[]): Date[] {
  return [...new Set(daysBefore)]
    .map((days) => new Date(dueAt.getTime() - days * DAY_MS))
    .filter((at) => at.getTime() > from.getTime() && at.getTime() < dueAt.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

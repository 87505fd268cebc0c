import type { FieldError } from './errors';
import { brusselsDate, isWorkingDay, endOfBrusselsDay, type LegalCalendarConfig } from './legal-calendar';

/**
 * A call for spearhead clusters (oproep, issue 14): the government chooses a few spearhead
 * clusters among candidates on the quality of their roadmaps. A policy owner opens it with a
 * period, a submission deadline, the number of clusters it can select and an envelope per funding
 * instrument. Cases register to it while their roadmap is being drafted; the deadline closes
 * registration. A case outside any call runs as before.
 *
 * Rules decided here (one place; the service and the API call these):
 * - The deadline is a day of the period. It ends at 23:59 Brussels time of that day; when that
 *   day is not a working day on the legal calendar (weekend, public holiday, 11 July, a suspension
 *   of the reference data), it moves to the end of the next working day, as every legal term does.
 * - A call is opened with a deadline at least 14 days ahead: candidates need time to register.
 * - Registration: only a case still drafting its roadmap, before the deadline, to an open call,
 *   and once (a case belongs to at most one call; moving it is not possible: it was compared).
 */
export interface CallInput {
  title: string;
  description: string;
  /** The period the call covers (ISO dates, inclusive). */
  periodStart: string;
  periodEnd: string;
  /** The last day candidates can register (ISO date, in the period). */
  submissionDeadline: string;
  /** How many spearhead clusters the call can select. */
  maxSelected: number;
  /** Integer cents per funding instrument (instrument codes of the reference data). */
  envelopes: { instrumentCode: string; amountCents: number }[];
}

export const CALL_MIN_LEAD_DAYS = 14;
export const CALL_MAX_SELECTED = 50;
/** Candidates still drafting are reminded this many days before registration closes. */
export const CALL_REMINDER_DAYS_BEFORE = [14, 3];

/** `selection_decided` once its selection is approved (selection.ts). */
export type CallStatus = 'open' | 'registration_closed' | 'selection_decided';

/** The instant registration closes: the end of the deadline day, moved to the next working day. */
export function registrationClosesAt(submissionDeadline: string, calendar?: LegalCalendarConfig): Date {
  let day = submissionDeadline;
  while (!isWorkingDay(day, calendar)) day = nextDay(day);
  return endOfBrusselsDay(day);
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function addDaysIso(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * What is wrong with a call before it is opened, each problem naming its field (Dutch / English).
 * `instrumentCodes`: the instruments of the reference data in force; `now`: the moment it is opened.
 */
export function callProblems(c: CallInput, o: { instrumentCodes: readonly string[]; now: Date }): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, nl: string, en: string) => problems.push({ field, messages: [`${nl} / ${en}`] });
  const today = brusselsDate(o.now);

  if (c.periodEnd < c.periodStart) add('periodEnd', 'Het einde van de periode moet na het begin liggen.', 'The period must end after it starts.');
  if (c.submissionDeadline < c.periodStart || c.submissionDeadline > c.periodEnd) {
    add('submissionDeadline', 'De indiendatum moet in de periode van de oproep liggen.', "The submission deadline must lie within the call's period.");
  } else if (c.submissionDeadline < addDaysIso(today, CALL_MIN_LEAD_DAYS)) {
    add(
      'submissionDeadline',
      `De indiendatum moet minstens ${CALL_MIN_LEAD_DAYS} dagen na vandaag liggen, zodat kandidaten zich kunnen aanmelden.`,
      `The submission deadline must be at least ${CALL_MIN_LEAD_DAYS} days from today, so that candidates can register.`,
    );
  }
  if (!Number.isInteger(c.maxSelected) || c.maxSelected < 1 || c.maxSelected > CALL_MAX_SELECTED) {
    add('maxSelected', `Het aantal te selecteren clusters moet een geheel getal van 1 tot ${CALL_MAX_SELECTED} zijn.`, `The number of clusters to select must be a whole number from 1 to ${CALL_MAX_SELECTED}.`);
  }
  if (c.envelopes.length === 0) add('envelopes', 'Geef minstens één envelop per financieringsinstrument.', 'Give at least one envelope per funding instrument.');
  const seen = new Set<string>();
  c.envelopes.forEach((e, i) => {
    if (!o.instrumentCodes.includes(e.instrumentCode)) {
      add(`envelopes.${i}.instrumentCode`, `${e.instrumentCode} is geen instrument van de referentiegegevens; kies uit ${o.instrumentCodes.join(', ')}.`, `${e.instrumentCode} is not an instrument of the reference data; choose from ${o.instrumentCodes.join(', ')}.`);
    } else if (seen.has(e.instrumentCode)) {
      add(`envelopes.${i}.instrumentCode`, `${e.instrumentCode} staat er twee keer in; één envelop per instrument.`, `${e.instrumentCode} appears twice; one envelope per instrument.`);
    }
    seen.add(e.instrumentCode);
    if (!Number.isSafeInteger(e.amountCents) || e.amountCents <= 0) {
      add(`envelopes.${i}.amountCents`, 'Het bedrag moet een positief geheel aantal centen zijn.', 'The amount must be a positive whole number of cents.');
    }
  });
  return problems;
}

/** A call's status at `now`: closed once its registration moment has passed, whatever the row says yet. */
export function callStatusAt(call: { status: CallStatus; registrationClosesAt: Date }, now: Date): CallStatus {
  return call.status === 'open' && now.getTime() > call.registrationClosesAt.getTime() ? 'registration_closed' : call.status;
}

/** The call as far as registration needs it. */
export interface CallFacts {
  status: CallStatus;
  registrationClosesAt: Date;
  title: string;
}

/** Why a case cannot register to a call now, in words; null when it can. */
export function registrationRefusal(call: CallFacts, c: { stage: string; callId: string | null }, callId: string, now: Date): string | null {
  if (c.callId === callId) return null; // the same registration again: nothing to refuse (idempotent)
  if (c.callId !== null) {
    return 'Het dossier is al aangemeld bij een andere oproep; een dossier hoort bij één oproep. / The case is already registered to another call; a case belongs to one call.';
  }
  if (c.stage !== 'roadmap_drafting') {
    return 'Aanmelden kan alleen zolang de routekaart wordt opgesteld; de routekaart van dit dossier is al ingediend. / A case registers only while its roadmap is being drafted; this roadmap was submitted already.';
  }
  if (callStatusAt(call, now) !== 'open') {
    return `De aanmeldingen voor de oproep "${call.title}" zijn afgesloten. / Registration for the call "${call.title}" has closed.`;
  }
  return null;
}

/**
 * Why a call's candidate can no longer submit (or resubmit) its roadmap, in words; null when it
 * can. Decided: the call's deadline is also the last moment to submit, since what is submitted
 * later could not be compared with the others (selection.ts closes such a candidate as not selected).
 */
export function lateSubmissionRefusal(call: Pick<CallFacts, 'status' | 'registrationClosesAt' | 'title'>, now: Date): string | null {
  if (callStatusAt(call, now) === 'open') return null;
  return (
    `De aanmeldingen voor de oproep "${call.title}" zijn afgesloten; een routekaart kan voor deze oproep niet meer worden ingediend. / ` +
    `Registration for the call "${call.title}" has closed; a roadmap can no longer be submitted for this call.`
  );
}

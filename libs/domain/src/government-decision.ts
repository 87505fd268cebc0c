/**
 * The Flemish Government's actual decision (DOMAIN.md step 4): after the proposal was approved
 * internally (four eyes), the government decides in its meeting and its decision gets a number,
 * e.g. "VR 2027 1503 DOC.0123" (VR, the year, the meeting's day and month, the document kind and
 * its serial, sometimes a "/1" or "/1BIS" suffix). Pure: the API and the service share it.
 */
import { isCalendarDate } from './calendar-date';
import type { FieldError } from './errors';

/** The shape of a decision number; kept in step with the CHECK in migration 1765612800000. */
export const GOVERNMENT_DECISION_NUMBER = /^VR (\d{4}) (\d{2})(\d{2}) (DOC|MED)\.(\d{4})(\/\d{1,2}[A-Z]{0,3})?$/;
export const GOVERNMENT_DECISION_NUMBER_MAX = 32;
export const CORRECTION_REASON_MIN = 10;

export interface GovernmentDecisionInput {
  number: string;
  /** The day the government decided (YYYY-MM-DD, Brussels). */
  decidedOn: string;
}

/**
 * What is wrong with a number and date, each naming its field, Dutch first. Rules: the number has
 * the government's shape and carries the meeting's date, which is the decision's date; that date
 * is not in the future (Brussels) and not before the decision was proposed.
 */
export function governmentDecisionProblems(input: GovernmentDecisionInput, bounds: { proposedOn: string; today: string }): FieldError[] {
  const problems: FieldError[] = [];
  const number = input.number.trim();
  const match = number.length <= GOVERNMENT_DECISION_NUMBER_MAX ? GOVERNMENT_DECISION_NUMBER.exec(number) : null;
  if (!match) {
    problems.push({
      field: 'number',
      messages: [
        `Het nummer van de beslissing heeft de vorm van de Vlaamse Regering, bv. VR 2027 1503 DOC.0123 (hoogstens ${GOVERNMENT_DECISION_NUMBER_MAX} tekens). / ` +
          `The decision number has the Flemish Government's form, e.g. VR 2027 1503 DOC.0123 (at most ${GOVERNMENT_DECISION_NUMBER_MAX} characters).`,
      ],
    });
  }
  if (!isCalendarDate(input.decidedOn)) {
    problems.push({ field: 'decidedOn', messages: ['De datum van de beslissing is een bestaande kalenderdag (JJJJ-MM-DD). / The decision date is a real calendar date (YYYY-MM-DD).'] });
    return problems;
  }
  if (input.decidedOn > bounds.today) {
    problems.push({ field: 'decidedOn', messages: ['De datum van de beslissing ligt niet in de toekomst. / The decision date is not in the future.'] });
  } else if (input.decidedOn < bounds.proposedOn) {
    problems.push({
      field: 'decidedOn',
      messages: [`De datum van de beslissing ligt niet vóór het voorstel (${bounds.proposedOn}). / The decision date is not before the proposal (${bounds.proposedOn}).`],
    });
  }
  if (match) {
    const [, year, day, month] = match;
    const meeting = `${year}-${month}-${day}`;
    if (meeting !== input.decidedOn) {
      problems.push({
        field: 'number',
        messages: [
          `Het nummer draagt de datum van de vergadering (${day}/${month}/${year}); die is de datum van de beslissing. / ` +
            `The number carries the meeting's date (${day}/${month}/${year}), which is the decision date.`,
        ],
      });
    }
  }
  return problems;
}

/** A correction says why, in a sentence. */
export function correctionReasonProblems(reason: string | undefined): FieldError[] {
  if (reason && reason.trim().length >= CORRECTION_REASON_MIN) return [];
  return [
    {
      field: 'reason',
      messages: [
        `Een correctie vermeldt waarom, in minstens ${CORRECTION_REASON_MIN} tekens. / A correction says why, in at least ${CORRECTION_REASON_MIN} characters.`,
      ],
    },
  ];
}

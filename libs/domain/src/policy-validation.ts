import { calendarDateMessage, isCalendarDate } from './calendar-date';
import type { FieldError } from './errors';
import { europeanReferenceProblems } from './european';
import type { PolicyDocument } from './policy';
import { handbookProblems } from './roadmap-handbook';

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * What a version needs before any case can run on it (issue 13): the concept note's process has
 * at least two independent assessors, three gate questions, ten criteria and the advice of RI,
 * VRWI and SERV, each within a term with reminders before it ends. A version without one of
 * these would be pinned by new cases that then stall (or skip a council) for years.
 */
export const REQUIRED_COUNCILS = ['RI', 'VRWI', 'SERV'] as const;
export const GATE_QUESTION_COUNT = 3;
export const CRITERION_COUNT = 10;
export const MIN_ASSESSORS = 2;

/**
 * Every check on a reference-data version that class-validator cannot see: what a case needs to
 * run (above), unique codes, reminders inside their term, a real scale, sane suspensions. The
 * one place these rules live; the API, the service and the tests all call this. Each problem
 * names its field within the document; messages Dutch first, then English.
 */
export function policyProblems(p: PolicyDocument): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, nl: string, en: string) => problems.push({ field, messages: [`${nl} / ${en}`] });

  if (p.minAssessors < MIN_ASSESSORS) {
    add('minAssessors', `Minstens ${MIN_ASSESSORS} beoordelaars zijn nodig (nu ${p.minAssessors}).`, `At least ${MIN_ASSESSORS} assessors are needed (now ${p.minAssessors}).`);
  }
  if (p.gateQuestions.length !== GATE_QUESTION_COUNT) {
    add('gateQuestions', `Er zijn precies ${GATE_QUESTION_COUNT} poortvragen nodig (nu ${p.gateQuestions.length}).`, `Exactly ${GATE_QUESTION_COUNT} gate questions are needed (now ${p.gateQuestions.length}).`);
  }
  if (p.criteria.length !== CRITERION_COUNT) {
    add('criteria', `Er zijn precies ${CRITERION_COUNT} beoordelingscriteria nodig (nu ${p.criteria.length}).`, `Exactly ${CRITERION_COUNT} assessment criteria are needed (now ${p.criteria.length}).`);
  }
  const councilCodes = p.councils.map((c) => c.code);
  for (const code of REQUIRED_COUNCILS) {
    if (!councilCodes.includes(code)) {
      add('councils', `De adviesraad ${code} ontbreekt: RI, VRWI en SERV geven elk advies binnen een termijn.`, `The council ${code} is missing: RI, VRWI and SERV each advise within a term.`);
    }
  }
  if (p.instruments.length === 0) {
    add('instruments', 'Minstens één financieringsinstrument is nodig.', 'At least one funding instrument is needed.');
  }
  if (p.milestoneReminderDaysBefore.length === 0) {
    add('milestoneReminderDaysBefore', 'Geef minstens één herinnering vóór de vervaldag van een mijlpaal.', 'Give at least one reminder before a milestone falls due.');
  }

  for (const [field, codes] of [
    ['councils', councilCodes],
    ['gateQuestions', p.gateQuestions.map((g) => g.code)],
    ['criteria', p.criteria.map((c) => c.code)],
    ['instruments', p.instruments.map((i) => i.code)],
  ] as const) {
    const doubled = duplicates([...codes]);
    if (doubled.length) add(field, `Dubbele codes: ${doubled.join(', ')}.`, `Duplicate codes: ${doubled.join(', ')}.`);
  }
  p.councils.forEach((c, i) => {
    if (c.reminderDaysBefore.length === 0) {
      add(`councils.${i}.reminderDaysBefore`, `${c.code}: geef minstens één herinnering vóór het einde van de termijn.`, `${c.code}: give at least one reminder before the term ends.`);
    } else if (c.reminderDaysBefore.some((d) => d >= c.adviceTermDays)) {
      add(`councils.${i}.reminderDaysBefore`, `${c.code}: herinneringen vallen binnen de termijn van ${c.adviceTermDays} dagen.`, `${c.code}: reminders must fall inside the ${c.adviceTermDays}-day term.`);
    }
    (c.suspensions ?? []).forEach((s, j) => {
      // A real day, not only its shape: the legal calendar refuses 2027-02-30 (a RangeError inside
      // every term computed on this version) where this gives the admin a 400.
      if (!isCalendarDate(s.from) || !isCalendarDate(s.to) || s.from > s.to) {
        add(`councils.${i}.suspensions.${j}`, 'Een schorsing heeft ISO-datums met van ≤ tot.', 'A suspension needs ISO dates with from ≤ to.');
      }
    });
  });
  if (p.scoreScale.min >= p.scoreScale.max) add('scoreScale', 'Het minimum van de schaal ligt onder het maximum.', 'scoreScale.min must be below scoreScale.max.');
  const weighted = new Set<string>();
  (p.selectionWeights ?? []).forEach((w, i) => {
    if (!p.criteria.some((c) => c.code === w.criterionCode)) add(`selectionWeights.${i}.criterionCode`, `${w.criterionCode} is geen criterium van deze versie.`, `${w.criterionCode} is not a criterion of this version.`);
    else if (weighted.has(w.criterionCode)) add(`selectionWeights.${i}.criterionCode`, `${w.criterionCode} heeft al een gewicht.`, `${w.criterionCode} has a weight already.`);
    weighted.add(w.criterionCode);
    if (typeof w.weight !== 'number' || !(w.weight > 0 && w.weight <= 10)) add(`selectionWeights.${i}.weight`, 'Een gewicht ligt tussen 0 (niet inbegrepen) en 10.', 'A weight lies between 0 (exclusive) and 10.');
  });
  (p.extraHolidays ?? []).forEach((d, i) => {
    if (!isCalendarDate(d)) problems.push({ field: `extraHolidays.${i}`, messages: [calendarDateMessage('extraHolidays')] });
  });
  problems.push(...europeanReferenceProblems(p.europeanPartnerships, p.linkNatures), ...handbookProblems(p.roadmapHandbook));
  return problems;
}

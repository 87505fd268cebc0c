export const ADVICE_POSITIONS = ['positive', 'conditional', 'negative'] as const;
export type AdvicePosition = (typeof ADVICE_POSITIONS)[number];

/** withdrawn: the case was withdrawn while the request was open (no advice is due any more). */
export type AdviceRequestStatus = 'open' | 'advised' | 'lapsed' | 'withdrawn';

/** One council's request in an advice round, as the workflow tracks it. */
export interface AdviceRequestRef {
  requestId: string;
  councilCode: string;
  dueAt: string;
  reminderDaysBefore: number[];
}

/** Why advice is refused at `now`, or null when the term still runs. The term is a legal fact. */
export function lateAdviceRefusal(dueAt: Date, now: Date): string | null {
  return now.getTime() > dueAt.getTime()
    ? `De adviestermijn eindigde op ${dueAt.toISOString()}; de adviesraad staat genoteerd als "geen advies binnen de termijn". / The advice term ended on ${dueAt.toISOString()}; the council is recorded as "no advice within the term".`
    : null;
}

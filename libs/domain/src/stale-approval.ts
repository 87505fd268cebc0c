/**
 * An approval whose request can no longer succeed does not wait in anybody's inbox: it is closed
 * without a decision, status `superseded` ("vervallen"), with the reason in words as its comment,
 * in the same transaction as the change that made it stale, and an `approval.superseded` event.
 * The three causes and their wording live here so every path (withdrawal, any closure, a release
 * that no longer fits its earmark) says the same thing.
 */
export const STALE_APPROVAL_STATUS = 'superseded' as const;

export type StaleCause =
  /** The case was withdrawn (four-eyes withdrawal): nothing of it is decided any more. */
  | { kind: 'case_withdrawn'; explanation: string }
  /** The case closed otherwise (rejection, stop, early end, completion). */
  | { kind: 'case_closed'; explanation: string }
  /** A release request that no longer fits what is left of its earmark after another was booked. */
  | { kind: 'no_room'; instrumentCode: string; amountCents: number; remainingCents: number };

/** What the budget release behind a stale approval becomes: `refused` when it no longer fits, else `superseded`. */
export function staleReleaseStatus(cause: StaleCause): 'refused' | 'superseded' {
  return cause.kind === 'no_room' ? 'refused' : 'superseded';
}

/** Whether a pending release of `amountCents` can still be booked against what remains of its earmark. */
export function releaseStillFits(amountCents: number, remainingCents: number): boolean {
  return amountCents <= remainingCents;
}

const EURO = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });
const euro = (cents: number) => EURO.format(cents / 100);

/** The reason recorded on the approval (its comment) and in the audit event: Dutch first, then English. */
export function staleReason(cause: StaleCause): string {
  switch (cause.kind) {
    case 'case_withdrawn':
      return `Vervallen: het dossier is ingetrokken (${cause.explanation}). / Closed without a decision: the case was withdrawn (${cause.explanation}).`;
    case 'case_closed':
      return `Vervallen: het dossier is afgesloten (${cause.explanation}). / Closed without a decision: the case was closed (${cause.explanation}).`;
    case 'no_room':
      return `Vervallen: er blijft van de reservering voor ${cause.instrumentCode} nog ${euro(cause.remainingCents)} over, te weinig voor deze vrijgave van ${euro(cause.amountCents)}. / Closed without a decision: only ${euro(cause.remainingCents)} of the ${cause.instrumentCode} earmark is left, too little for this release of ${euro(cause.amountCents)}.`;
  }
}

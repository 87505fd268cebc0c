import { eventHash, type ChainBreak, type ChainedFields } from '../hash-chain';

/**
 * What a consecutive part of a chain says about itself, so that parts checked apart (in worker
 * threads) join into exactly the verification of the whole (ChainVerifier.addSegment). Its first
 * event can only be held against the part before it when they are joined; every later one is
 * checked here against the one before it, in the order ChainVerifier checks.
 */
export interface ChainSegment {
  /** Events in the part (all of them are counted, breaks or not). */
  count: number;
  first: { seq: number; id: string | null; prevHash: string; hash: string; hashOk: boolean } | null;
  /** The first event from the second on that breaks the chain, with its hash (the verifier moves on from it). */
  innerBreak: (ChainBreak & { hash: string }) | null;
  last: { seq: number; hash: string } | null;
  /** The hash of the event at the anchor's seq, when the part holds it. */
  atAnchor: { seq: number; hash: string } | null;
}

type SegmentEvent = ChainedFields & { id?: string; hash: string };

/** Builds a ChainSegment one event at a time (events in seq order), so a part of any length streams through. */
export class SegmentSummariser {
  private readonly segment: ChainSegment = { count: 0, first: null, innerBreak: null, last: null, atAnchor: null };

  constructor(private readonly anchorSeq?: number) {}

  add(event: SegmentEvent): void {
    const s = this.segment;
    s.count++;
    if (s.innerBreak) return;
    if (this.anchorSeq !== undefined && event.seq === this.anchorSeq) s.atAnchor = { seq: event.seq, hash: event.hash };
    if (!s.first) {
      s.first = { seq: event.seq, id: event.id ?? null, prevHash: event.prevHash, hash: event.hash, hashOk: eventHash(event) === event.hash };
    } else {
      const previous = s.last!;
      const at = { seq: event.seq, eventId: event.id ?? null, hash: event.hash };
      if (event.seq !== previous.seq + 1) s.innerBreak = { ...at, problem: 'sequence_gap' };
      else if (event.prevHash !== previous.hash) s.innerBreak = { ...at, problem: 'prev_hash_mismatch' };
      else if (eventHash(event) !== event.hash) s.innerBreak = { ...at, problem: 'hash_mismatch' };
    }
    s.last = { seq: event.seq, hash: event.hash };
  }

  summary(): ChainSegment {
    return this.segment;
  }
}

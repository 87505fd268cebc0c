import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** The prev_hash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers: everything recorded except the database's own row id. */
export interface ChainedFields {
  stream: string;
  seq: number;
  caseId: string | null;
  occurredAt: Date;
  actorId: string;
  actorName: string;
  actorRole: string;
  organisation: string;
  action: string;
  reason: string | null;
  payload: Record<string, unknown>;
  documentHashes: string[];
  requestId: string | null;
  workflowId: string | null;
  idempotencyKey: string | null;
  prevHash: string;
}

/** The hashed fields as plain JSON (the time as ISO 8601): what the hash covers and what a bundle carries. */
export function canonicalFields(e: ChainedFields) {
  return {
    stream: e.stream,
    seq: e.seq,
    caseId: e.caseId,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    organisation: e.organisation,
    action: e.action,
    reason: e.reason,
    payload: e.payload,
    documentHashes: e.documentHashes,
    requestId: e.requestId,
    workflowId: e.workflowId,
    idempotencyKey: e.idempotencyKey,
    prevHash: e.prevHash,
  };
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event's fields. Canonical JSON makes the hash
 * independent of key order, so an offline verifier in any language can recompute it.
 */
export function eventHash(e: ChainedFields): string {
  return createHash('sha256').update(canonicalize(canonicalFields(e)), 'utf8').digest('hex');
}

export interface ChainBreak {
  seq: number;
  eventId: string | null;
  /**
   * hash_mismatch: the event's content does not give its hash (changed payload, time, actor...);
   * prev_hash_mismatch: it does not follow the event before it (inserted, swapped or replaced);
   * sequence_gap: a place in the chain is missing or repeated (deleted or inserted row);
   * tail_missing: the chain ends before the head kept outside the table (newest events deleted);
   * head_mismatch: the event at the kept head's place is not the one that was kept;
   * not_anchored: events after the kept head, which nothing outside the table vouches for
   * (appended behind the application's back, or their anchoring failed).
   */
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'tail_missing' | 'head_mismatch' | 'not_anchored';
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The newest event's hash (the genesis hash for an empty chain). */
  headHash: string;
  headSeq: number;
  firstBreak: ChainBreak | null;
  /** Events after the kept head (all of them without one): nothing outside the table vouches for them. */
  unanchored: number;
}

/**
 * Checks a stream's events in seq order: numbering without gaps, each prev_hash equal to the hash
 * before it, each hash recomputed; and, given the head kept outside the table (`anchor`), that the
 * chain still reaches it unchanged. Incremental, so a chain of any length streams through it.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private firstBreak: ChainBreak | null = null;
  private hashAtAnchor: string | null = null;

  constructor(private readonly anchor?: { seq: number; hash: string }) {}

  add(event: ChainedFields & { id?: string; hash: string }): void {
    this.checked++;
    if (this.firstBreak) return;
    const at = { seq: event.seq, eventId: event.id ?? null };
    if (event.seq !== this.expectedSeq) this.firstBreak = { ...at, problem: 'sequence_gap' };
    else if (event.prevHash !== this.prevHash) this.firstBreak = { ...at, problem: 'prev_hash_mismatch' };
    else if (eventHash(event) !== event.hash) this.firstBreak = { ...at, problem: 'hash_mismatch' };
    if (this.anchor && event.seq === this.anchor.seq) this.hashAtAnchor = event.hash;
    this.expectedSeq = event.seq + 1;
    this.prevHash = event.hash;
  }

  result(): ChainVerification {
    const headSeq = this.expectedSeq - 1;
    let firstBreak = this.firstBreak;
    if (!firstBreak && this.anchor) {
      if (headSeq < this.anchor.seq) firstBreak = { seq: headSeq + 1, eventId: null, problem: 'tail_missing' };
      else if (this.anchor.seq > 0 && this.hashAtAnchor !== this.anchor.hash) firstBreak = { seq: this.anchor.seq, eventId: null, problem: 'head_mismatch' };
      else if (headSeq > this.anchor.seq) firstBreak = { seq: this.anchor.seq + 1, eventId: null, problem: 'not_anchored' };
    }
    const unanchored = this.anchor ? Math.max(0, headSeq - this.anchor.seq) : headSeq;
    return { ok: firstBreak === null, checked: this.checked, headHash: this.prevHash, headSeq, firstBreak, unanchored };
  }
}

import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { ChainSegment } from './verification/chain-segment';

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
  return createHash('sha256').update(canonicalEventJson(e), 'utf8').digest('hex');
}

type CanonicalFields = ReturnType<typeof canonicalFields>;

/** The hashed fields' names in RFC 8785 order (UTF-16 code units; all ASCII here), each with its `"name":` prefix. */
const SORTED_FIELDS = (Object.keys(canonicalFields({ occurredAt: new Date(0) } as ChainedFields)) as (keyof CanonicalFields)[])
  .sort()
  .map((key, i) => ({ key, prefix: `${i === 0 ? '{' : ','}${JSON.stringify(key)}:` }));

/**
 * `canonicalize(canonicalFields(e))`, byte for byte, written out field by field: the generic
 * canonicalizer spent two thirds of a verification's hashing on the fixed outer object (sorting,
 * paths, cycle checks). Text, numbers and null are what JSON.stringify writes (RFC 8785 takes
 * ECMAScript's serialisation); payload and document hashes still go through the canonicalizer;
 * anything unexpected at the top (undefined, a non-finite number) takes the generic path whole,
 * so it fails or omits exactly as before. The spec holds the two equal.
 */
export function canonicalEventJson(e: ChainedFields): string {
  const fields = canonicalFields(e);
  let json = '';
  for (const { key, prefix } of SORTED_FIELDS) {
    const value: unknown = fields[key];
    if (value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) json += prefix + JSON.stringify(value);
    else if (value !== undefined && (key === 'payload' || key === 'documentHashes')) json += prefix + canonicalize(value);
    else return canonicalize(fields);
  }
  return `${json}}`;
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

  /**
   * A part of the chain checked apart (SegmentSummariser), joined as if its events had come
   * through `add` one by one: its first event is held against the last one before it here, the
   * rest were held against each other in the part.
   */
  addSegment(segment: ChainSegment): void {
    this.checked += segment.count;
    if (this.firstBreak || !segment.first || !segment.last) return;
    const first = segment.first;
    const at = { seq: first.seq, eventId: first.id };
    if (first.seq !== this.expectedSeq) this.firstBreak = { ...at, problem: 'sequence_gap' };
    else if (first.prevHash !== this.prevHash) this.firstBreak = { ...at, problem: 'prev_hash_mismatch' };
    else if (!first.hashOk) this.firstBreak = { ...at, problem: 'hash_mismatch' };
    // Where this verifier stops taking the part in: at its first break, or at its end.
    const stop = this.firstBreak ? first : segment.innerBreak ?? segment.last;
    if (!this.firstBreak && segment.innerBreak) {
      const { hash: _hash, ...innerBreak } = segment.innerBreak;
      this.firstBreak = innerBreak;
    }
    if (this.anchor && segment.atAnchor && segment.atAnchor.seq <= stop.seq) this.hashAtAnchor = segment.atAnchor.hash;
    this.expectedSeq = stop.seq + 1;
    this.prevHash = stop.hash;
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

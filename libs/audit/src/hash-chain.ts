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

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event's fields. Canonical JSON makes the hash
 * independent of key order, so an offline verifier in any language can recompute it.
 */
export function eventHash(e: ChainedFields): string {
  const canonical = canonicalize({
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
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainBreak {
  seq: number;
  eventId: string | null;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headHash: string;
  firstBreak: ChainBreak | null;
}

/**
 * Checks a stream's events in seq order: numbering without gaps, each prev_hash equal to the hash
 * before it, each hash recomputed. Incremental, so a chain of any length streams through it.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private firstBreak: ChainBreak | null = null;

  add(event: ChainedFields & { id?: string; hash: string }): void {
    this.checked++;
    if (this.firstBreak) return;
    const at = { seq: event.seq, eventId: event.id ?? null };
    if (event.seq !== this.expectedSeq) this.firstBreak = { ...at, problem: 'sequence_gap' };
    else if (event.prevHash !== this.prevHash) this.firstBreak = { ...at, problem: 'prev_hash_mismatch' };
    else if (eventHash(event) !== event.hash) this.firstBreak = { ...at, problem: 'hash_mismatch' };
    this.expectedSeq = event.seq + 1;
    this.prevHash = event.hash;
  }

  /** `expectedHead`: the head recorded outside the table (detects a deleted tail). */
  result(expectedHead?: { seq: number; hash: string }): ChainVerification {
    let firstBreak = this.firstBreak;
    if (!firstBreak && expectedHead && (expectedHead.seq !== this.expectedSeq - 1 || expectedHead.hash !== this.prevHash)) {
      firstBreak = { seq: Math.min(expectedHead.seq, this.expectedSeq), eventId: null, problem: 'head_mismatch' };
    }
    return { ok: firstBreak === null, checked: this.checked, headHash: this.prevHash, firstBreak };
  }
}

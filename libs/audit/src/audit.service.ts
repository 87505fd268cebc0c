import { Injectable } from '@nestjs/common';
import type { Actor } from '@cluster/domain';
import { Database, type AuditEventEntity, type AuditFilter, type AuditPage, type AuditPageStart, type Repositories } from '@cluster/persistence';
import { ChainVerifier, eventHash, GENESIS_HASH, type ChainVerification } from './hash-chain';

export const SYSTEM_STREAM = 'system';

export function caseStream(caseId: string): string {
  return `case:${caseId}`;
}

export interface AuditInput {
  actor: Actor;
  action: string;
  caseId: string | null;
  reason?: string | null;
  payload: Record<string, unknown>;
  documentHashes?: string[];
  requestId?: string | null;
  workflowId?: string | null;
  /** Unique per command: a retried activity finds its event instead of writing a second one. */
  idempotencyKey?: string | null;
  occurredAt?: Date;
}

/**
 * Appends audit events to a hash chain per stream. Call `append` with the repositories of the
 * transaction that makes the change, so the change and its event commit together.
 */
@Injectable()
export class AuditService {

  constructor(private readonly db: Database) {}

  /**
   * Takes the case's audit stream lock before any row is locked. A command that changes rows of
   * other requests of the same case (a release decision refusing what no longer fits) would
   * otherwise deadlock with a concurrent one holding those rows and waiting for the stream.
   * Re-entrant: `append` takes the same lock again within the transaction.
   */
  async serialiseCase(repos: Repositories, caseId: string): Promise<void> {
    await repos.audit.lockStream(caseStream(caseId));
  }

  async append(repos: Repositories, input: AuditInput): Promise<AuditEventEntity> {
    const stream = input.caseId ? caseStream(input.caseId) : SYSTEM_STREAM;
    await repos.audit.lockStream(stream);
    // Only the previous event's place and hash, by the (stream, seq) index: nothing else is chained.
    const head = await repos.audit.headOf(stream);
    const fields = {
      stream,
      seq: (head?.seq ?? 0) + 1,
      caseId: input.caseId,
      // Millisecond precision: what JavaScript and the hash can represent exactly.
      occurredAt: new Date(Math.floor((input.occurredAt ?? new Date()).getTime())),
      actorId: input.actor.userId,
      actorName: input.actor.displayName,
      actorRole: input.actor.role,
      organisation: input.actor.organisation,
      action: input.action,
      reason: input.reason ?? null,
      payload: input.payload,
      documentHashes: input.documentHashes ?? [],
      requestId: input.requestId ?? null,
      workflowId: input.workflowId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    return repos.audit.insert({ ...fields, hash: eventHash(fields) });
  }

  /**
   * `anchor`: the head kept outside the table, which the chain must still reach unchanged. One pass
   * over raw rows, the next batch read while this one is hashed. (Worker threads per range were
   * tried and taken out: a worker loading the TypeScript loader crashed its process with SIGSEGV
   * under load, and a verification must never take the API down.)
   */
  verifyStream(stream: string, anchor?: { seq: number; hash: string }): Promise<ChainVerification> {
    return this.verifyInOnePass(stream, anchor);
  }

  /** Every event through one ChainVerifier, read in batches. */
  async verifyInOnePass(stream: string, anchor?: { seq: number; hash: string }): Promise<ChainVerification> {
    const verifier = new ChainVerifier(anchor);
    for await (const event of this.db.repos.audit.iterateStream(stream)) verifier.add(event);
    return verifier.result();
  }

  /** Events matching the filter, paged by offset or (within one stream) after a seq; see AuditRepository.search for the order. */
  search(filter: AuditFilter, limit: number, start: AuditPageStart): Promise<AuditPage> {
    return this.db.read((repos) => repos.audit.search(filter, limit, start));
  }

  listCase(caseId: string, limit: number, offset: number): Promise<AuditPage> {
    return this.db.read((repos) => repos.audit.listStream(caseStream(caseId), limit, offset));
  }

  verifyCase(caseId: string, anchor?: { seq: number; hash: string }): Promise<ChainVerification> {
    return this.verifyStream(caseStream(caseId), anchor);
  }
}

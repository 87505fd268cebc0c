import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@cluster/domain';
import { auditStreamConnectionOf, Database, type AuditEventEntity, type AuditFilter, type AuditPage, type AuditPageStart, type Repositories } from '@cluster/persistence';
import { ChainVerifier, eventHash, GENESIS_HASH, type ChainVerification } from './hash-chain';
import { checkSegmentsInWorkers, PARALLEL_FROM_EVENTS, segmentRanges, workerCount } from './verification/parallel-verification';

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
  private readonly logger = new Logger(AuditService.name);

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

  /** From how many events on a chain is verified in worker threads (a property, so a test can verify short chains so too). */
  parallelFromEvents = PARALLEL_FROM_EVENTS;

  /**
   * `anchor`: the head kept outside the table, which the chain must still reach unchanged. A long
   * chain is verified in parts at once (verifyInParts): the same answer as one pass, in a fraction
   * of the time, and the API's event loop stays free. Should the workers fail to run, one pass
   * gives the answer instead.
   */
  async verifyStream(stream: string, anchor?: { seq: number; hash: string }): Promise<ChainVerification> {
    const head = await this.db.repos.audit.headOf(stream);
    if (head && head.seq >= this.parallelFromEvents) {
      try {
        return await this.verifyInParts(stream, head.seq, anchor);
      } catch (error) {
        this.logger.warn(`audit verification in worker threads failed, verifying in one pass: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return this.verifyInOnePass(stream, anchor);
  }

  /** Every event through one ChainVerifier, read in batches. */
  async verifyInOnePass(stream: string, anchor?: { seq: number; hash: string }): Promise<ChainVerification> {
    const verifier = new ChainVerifier(anchor);
    for await (const event of this.db.repos.audit.iterateStream(stream)) verifier.add(event);
    return verifier.result();
  }

  /**
   * The chain up to `headSeq` (and whatever follows) cut into `parts` ranges, each read and
   * hashed by a worker thread over its own connection, joined in chain order.
   */
  async verifyInParts(stream: string, headSeq: number, anchor?: { seq: number; hash: string }, parts = workerCount()): Promise<ChainVerification> {
    const connection = auditStreamConnectionOf(this.db.dataSource.options as Parameters<typeof auditStreamConnectionOf>[0]);
    const jobs = segmentRanges(headSeq, parts).map((range) => ({ connection, stream, range, anchorSeq: anchor?.seq, batchSize: 2000 }));
    const verifier = new ChainVerifier(anchor);
    for (const segment of await checkSegmentsInWorkers(jobs)) verifier.addSegment(segment);
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

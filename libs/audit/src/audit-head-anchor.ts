import type { Database } from '@cluster/persistence';
import { caseStream } from './audit.service';

export interface AnchoredHead {
  seq: number;
  hash: string;
}

/** Hands a case's chain head to the place that keeps it outside the database (the case workflow). */
export type HeadSender = (caseId: string, head: AnchoredHead) => Promise<void>;

const CASE_PREFIX = 'case:';

/**
 * After every commit that extends a case's audit chain, sends the chain's new head to a keeper
 * outside the audit table, so that deleting the newest events is detected by verification.
 * Bursts are coalesced per case (one send for many events); a failed send is reported and retried
 * a few times with growing pauses (and any later append sends the head again), so the keeper lags
 * at worst, never runs ahead.
 */
export class AuditHeadAnchor {
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly sending = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly failures = new Map<string, number>();
  /**
   * Pauses before the retries of a failed send. The head is read from the database, so a commit
   * just before a database outage needs retries that outlast it: close together at first, so a
   * restart of a few seconds leaves the chain unanchored (verification: not_anchored) for seconds,
   * not half a minute.
   */
  retryDelaysMs = [1_000, 2_000, 3_000, 5_000, 10_000, 30_000];

  constructor(
    private readonly db: Database,
    private readonly send: HeadSender,
    private readonly onError: (caseId: string, error: unknown) => void = () => undefined,
    private readonly coalesceMs = 50,
  ) {}

  /** Listens to the database's commits from now on. */
  attach(): this {
    this.db.onAuditAppended((streams) => {
      for (const stream of streams) if (stream.startsWith(CASE_PREFIX)) this.schedule(stream.slice(CASE_PREFIX.length));
    });
    return this;
  }

  schedule(caseId: string, delayMs = this.coalesceMs): void {
    if (this.scheduled.has(caseId)) return;
    if (this.sending.has(caseId)) {
      this.again.add(caseId);
      return;
    }
    const timer = setTimeout(() => void this.flush(caseId), delayMs);
    timer.unref();
    this.scheduled.set(caseId, timer);
  }

  /** Waits until every scheduled head has been sent (or has failed): for shutdown and tests. */
  async drain(): Promise<void> {
    while (this.scheduled.size > 0 || this.sending.size > 0) {
      for (const [caseId, timer] of this.scheduled) {
        clearTimeout(timer);
        void this.flush(caseId);
      }
      await Promise.all(this.sending.values());
    }
  }

  private flush(caseId: string): Promise<void> {
    this.scheduled.delete(caseId);
    const work = (async () => {
      try {
        // Read after the commit: the newest head, even when several commits raced.
        const head = await this.db.repos.audit.headOf(caseStream(caseId));
        if (head) await this.send(caseId, head);
        this.failures.delete(caseId);
      } catch (error) {
        this.onError(caseId, error);
        const failed = (this.failures.get(caseId) ?? 0) + 1;
        this.failures.set(caseId, failed);
        if (failed <= this.retryDelaysMs.length) this.again.add(caseId);
        else this.failures.delete(caseId);
      } finally {
        this.sending.delete(caseId);
        const pause = this.retryDelaysMs[(this.failures.get(caseId) ?? 0) - 1];
        if (this.again.delete(caseId)) this.schedule(caseId, pause ?? this.coalesceMs);
      }
    })();
    this.sending.set(caseId, work);
    return work;
  }
}

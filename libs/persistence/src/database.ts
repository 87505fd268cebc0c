import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '@cluster/domain';
import { repositoriesFor, type CommandRef, type Repositories, type StreamHead } from './repositories';

/**
 * The application's handle on PostgreSQL: repositories outside a transaction for reads, and
 * `transaction()` for a state change together with its audit event (both commit or neither).
 */
/** Told, after a transaction commits, which audit streams it extended. */
export type AuditAppendListener = (streams: string[]) => void;

/** The audit streams some work's commits extended, each with its newest head. */
export type CommittedHeads = Map<string, StreamHead>;

/** Set by `collectHeads` for the work it runs (across awaits): that work's commits are collected, not told. */
const collecting = new AsyncLocalStorage<CommittedHeads>();

@Injectable()
export class Database implements OnModuleDestroy {
  readonly repos: Repositories;
  private readonly appendListeners: AuditAppendListener[] = [];

  constructor(readonly dataSource: DataSource) {
    this.repos = repositoriesFor(dataSource.manager);
  }

  /** E.g. to anchor a case's new chain head outside the database (see the audit head anchor). */
  onAuditAppended(listener: AuditAppendListener): void {
    this.appendListeners.push(listener);
  }

  /**
   * Runs `work` and returns, with its result, the heads of the audit streams its transactions
   * extended. Those commits are not told to the append listeners: the caller takes the heads on
   * (a case command's activity hands them to its workflow in its answer, saving a signal per
   * command) and must `announce` any it cannot hand on.
   */
  async collectHeads<T>(work: () => Promise<T>): Promise<{ result: T; heads: CommittedHeads }> {
    const heads: CommittedHeads = new Map();
    const result = await collecting.run(heads, work);
    return { result, heads };
  }

  /** Tells the append listeners of streams whose heads a caller of `collectHeads` could not hand on. */
  announce(streams: string[]): void {
    if (streams.length > 0) for (const listener of this.appendListeners) listener(streams);
  }

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.transactionWithHeads((repos) => work(repos));
  }

  /** `transaction`, whose work also sees (and may add to) the heads of the streams it extends. */
  private async transactionWithHeads<T>(work: (repos: Repositories, appended: CommittedHeads) => Promise<T>): Promise<T> {
    const appended: CommittedHeads = new Map();
    let result: T;
    try {
      // PostgreSQL's default isolation, READ COMMITTED, without a statement to set it: one
      // round trip less per command (the data source pins it per connection). Serialisation
      // comes from row and advisory locks.
      result = await this.dataSource.transaction((m) => work(repositoriesFor(m, appended), appended));
    } catch (error) {
      throw translateDatabaseError(error);
    }
    // Only after the commit: a rolled-back event must never be anchored.
    if (appended.size > 0) {
      const collector = collecting.getStore();
      if (collector) for (const [stream, head] of appended) collector.set(stream, head);
      else this.announce([...appended.keys()]);
    }
    return result;
  }

  /**
   * A command's transaction, applied once per idempotency key and answering the same each time.
   * Temporal runs activities at least once: an attempt whose transaction committed may run again
   * (at once, or after other commands of the case went through). Its answer is kept in the same
   * transaction, and a later attempt gets that kept answer without running `work`, so it can never
   * rebuild a different one from rows that changed since. Attempts of one key wait for each
   * other. The services' own key checks inside `work` remain as the guard for commands that
   * committed before answers were kept. Answers are JSON, as every activity answer travels anyway.
   * The audit heads the command's commit left are kept with its answer and given again with it,
   * so a retry hands on the very heads the first attempt would have (see `collectHeads`).
   */
  async once<T>(command: CommandRef, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.transactionWithHeads(async (repos, appended) => {
      await repos.commandResults.lock(command.idempotencyKey);
      const kept = await repos.commandResults.find(command.idempotencyKey);
      if (kept) {
        for (const [stream, head] of Object.entries(kept.auditHeads)) appended.set(stream, head);
        return kept.result as T;
      }
      const answer = await work(repos);
      return (await repos.commandResults.record(command, answer, Object.fromEntries(appended))) as T;
    });
  }

  async read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    try {
      return await work(this.repos);
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async onModuleDestroy(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** Maps driver errors to domain errors; anything else passes through unchanged. */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const err = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err?.driverError?.code ?? err?.code;
  if (code === '23505') return new DomainError('CONFLICT', 'Dit gegeven bestaat al. / This record already exists.');
  if (code === '23503') return new DomainError('VALIDATION_FAILED', 'Een gegeven waarnaar verwezen wordt, bestaat niet; controleer de gekozen waarden. / A referenced record does not exist.');
  if (code === '23514') return new DomainError('CONFLICT', `Een regel van het dossier zou geschonden worden (${(err as { driverError?: { constraint?: string } }).driverError?.constraint ?? 'check'}). / A rule of the record would be broken (${(err as { driverError?: { constraint?: string } }).driverError?.constraint ?? 'check'}).`);
  // Values PostgreSQL cannot hold (NUL in text, a string too long, a number out of range): the
  // input's fault, so a 400 and no retry.
  if (code && ['22P05', '22021', '22001', '22003'].includes(code)) {
    return new DomainError('VALIDATION_FAILED', 'Een waarde kan niet bewaard worden zoals ze gegeven is; controleer lengte en tekens. / A value cannot be stored as given.');
  }
  // A connection lost between two queries of one operation: TypeORM releases its query runner
  // (the next query fails with QueryRunnerAlreadyReleasedError) and pg marks its client unusable.
  if ((code && UNAVAILABLE_CODES.has(code)) || (code && NETWORK_ERRORS.has(code)) ||
      (error as Error | undefined)?.name === 'QueryRunnerAlreadyReleasedError' ||
      /Connection terminated|timeout exceeded when trying to connect|is not queryable/i.test(err?.message ?? '')) {
    return new DomainError('DEPENDENCY_UNAVAILABLE', 'De databank is niet bereikbaar; probeer het zo dadelijk opnieuw. / The database is not available; try again shortly.');
  }
  return error;
}

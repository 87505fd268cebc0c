import type { EntityManager } from 'typeorm';
import type { StreamHead } from './audit.repository';

/** Which command a kept answer belongs to. */
export interface CommandRef {
  /** Derived from the workflow and update ids (or the system step): one per command. */
  idempotencyKey: string;
  caseId: string;
  command: string;
}

/** The ref of a command of `caseId` carrying its context's idempotency key. */
export function commandRef(ctx: { idempotencyKey: string }, caseId: string, command: string): CommandRef {
  return { idempotencyKey: ctx.idempotencyKey, caseId, command };
}

/** A different lock space than the audit streams' (two int4 keys, not one bigint). */
const COMMAND_LOCKS = 0x636d64;

/** Answers of commands, kept under their idempotency keys (see Database.once). */
export class CommandResultRepository {
  constructor(private readonly m: EntityManager) {}

  /** Holds attempts of one command back until this transaction ends: they then find its answer. */
  async lock(idempotencyKey: string): Promise<void> {
    await this.m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMMAND_LOCKS, idempotencyKey]);
  }

  /**
   * The kept answer and the audit heads its commit left, or null when the command has none (it
   * never committed, or came before answers were kept).
   */
  async find(idempotencyKey: string): Promise<{ result: unknown; auditHeads: Record<string, StreamHead> } | null> {
    const rows: { result: unknown; audit_heads: Record<string, StreamHead> | null }[] = await this.m.query(
      'SELECT result, audit_heads FROM command_results WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    return rows[0] ? { result: rows[0].result ?? undefined, auditHeads: rows[0].audit_heads ?? {} } : null;
  }

  /** Keeps `result` (and the heads of the streams it extended) and returns it as kept (JSON, as every activity's answer travels anyway). */
  async record(ref: CommandRef, result: unknown, auditHeads: Record<string, StreamHead> = {}): Promise<unknown> {
    const rows: { result: unknown }[] = await this.m.query(
      'INSERT INTO command_results (idempotency_key, case_id, command, result, audit_heads) VALUES ($1, $2, $3, $4::json, $5::json) RETURNING result',
      [ref.idempotencyKey, ref.caseId, ref.command, result === undefined ? null : JSON.stringify(result), JSON.stringify(auditHeads)],
    );
    return rows[0]!.result ?? undefined;
  }
}

import type { EntityManager } from 'typeorm';

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

  /** The kept answer, or null when the command has none (it never committed, or came before answers were kept). */
  async find(idempotencyKey: string): Promise<{ result: unknown } | null> {
    const rows: { result: unknown }[] = await this.m.query('SELECT result FROM command_results WHERE idempotency_key = $1', [idempotencyKey]);
    return rows[0] ? { result: rows[0].result ?? undefined } : null;
  }

  /** Keeps `result` and returns it as kept (JSON, as every activity's answer travels anyway). */
  async record(ref: CommandRef, result: unknown): Promise<unknown> {
    const rows: { result: unknown }[] = await this.m.query(
      'INSERT INTO command_results (idempotency_key, case_id, command, result) VALUES ($1, $2, $3, $4::json) RETURNING result',
      [ref.idempotencyKey, ref.caseId, ref.command, result === undefined ? null : JSON.stringify(result)],
    );
    return rows[0]!.result ?? undefined;
  }
}

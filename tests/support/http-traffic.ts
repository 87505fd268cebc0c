import { setTimeout as pause } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';

/** One HTTP request and what came back (or that nothing came back in time). */
export interface Exchange {
  loop: string;
  user: string;
  method: string;
  path: string;
  requestId: string;
  attempt: number;
  startedAt: number;
  endedAt: number;
  status: number | 'timeout' | 'network-error';
  retryAfter: string | null;
  body: unknown;
}

/** A command as a client sees it: its idempotency key, every attempt, and how it ended. */
export interface CommandRecord {
  kind: string;
  user: string;
  requestId: string;
  caseId: string | null;
  attempts: Exchange[];
  /** applied: a 2xx; abandoned: the client gave up after a 503; failed: anything else. */
  outcome: 'applied' | 'abandoned' | 'failed';
}

export type RetryPolicy = 'retry-503' | 'abandon-503';

/**
 * A client of the running API that keeps a record of every exchange: real HTTP over a socket,
 * each request cut off after `boundMs` so a hang shows as a result instead of stalling the test.
 */
export class HttpTraffic {
  readonly exchanges: Exchange[] = [];
  readonly commands: CommandRecord[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: Record<string, string>,
    private readonly boundMs: number,
    /** Retries of a command after a 503, at most; each waits the Retry-After the API asked for. */
    private readonly maxRetries = 6,
  ) {}

  async call(loop: string, user: string | null, method: string, path: string, body?: unknown, requestId: string = randomUUID(), attempt = 1): Promise<Exchange> {
    const startedAt = Date.now();
    const headers: Record<string, string> = { 'x-request-id': requestId };
    if (user) headers.authorization = `Bearer ${this.tokens[user]}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const record = (status: Exchange['status'], retryAfter: string | null, parsed: unknown): Exchange => {
      const exchange = { loop, user: user ?? 'anonymous', method, path, requestId, attempt, startedAt, endedAt: Date.now(), status, retryAfter, body: parsed };
      this.exchanges.push(exchange);
      return exchange;
    };
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.boundMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: kept as text, the assertions will say so
      }
      return record(res.status, res.headers.get('retry-after'), parsed);
    } catch (error) {
      const name = (error as Error).name;
      return record(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network-error', null, String(error));
    }
  }

  /** Sends a command; after a 503 either retries it with the same X-Request-Id or gives it up. */
  async command(loop: string, user: string, kind: string, caseId: string | null, method: string, path: string, body: unknown, policy: RetryPolicy): Promise<CommandRecord> {
    const cmd: CommandRecord = { kind, user, requestId: randomUUID(), caseId, attempts: [], outcome: 'failed' };
    this.commands.push(cmd);
    for (let attempt = 1; ; attempt++) {
      const ex = await this.call(loop, user, method, path, body, cmd.requestId, attempt);
      cmd.attempts.push(ex);
      if (typeof ex.status === 'number' && ex.status < 300) {
        cmd.outcome = 'applied';
        return cmd;
      }
      if (ex.status !== 503) return cmd;
      if (policy === 'abandon-503' || attempt > this.maxRetries) {
        cmd.outcome = 'abandoned';
        return cmd;
      }
      await pause(Number(ex.retryAfter ?? 1) * 1000);
    }
  }
}


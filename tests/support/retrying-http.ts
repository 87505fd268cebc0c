import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** One attempt may take this long; past it the request goes again (the API answers 503 itself after 30 s). */
const ATTEMPT_TIMEOUT_MS = 35_000;
const RETRY_PAUSE_MS = 300;
/** A request still not through after this long means a stuck case: the run fails. */
const GIVE_UP_MS = 180_000;

/** What one command cost: its X-Request-Id, the attempts it took and the APIs that answered them. */
export interface SentRequest {
  requestId: string;
  path: string;
  attempts: number;
  /** Each attempt's outcome: an HTTP status, or the network error's code. */
  outcomes: string[];
}

/**
 * The product's HTTP API behind a load balancer that sends each request to the next of several API
 * processes, and a client that sends a command again, with the same X-Request-Id, when its attempt
 * got no answer (a killed API: connection refused or reset), a 5xx (503 while Temporal is away) or
 * none in time. The request id is the command's Temporal update id, so a command sent again is the
 * same command: applied once. A 4xx is an answer: it fails the command (the driver's route is legal).
 */
export class RetryingHttp {
  readonly sent: SentRequest[] = [];
  private next = 0;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly apiUrls: () => string[],
    private readonly signal: AbortSignal,
  ) {}

  /** A POST as `subject`; resolves with the body of the first 2xx answer and the request id it went with. */
  async post<T = Record<string, unknown>>(subject: string, path: string, body: object = {}): Promise<{ body: T; requestId: string }> {
    const requestId = randomUUID();
    const record: SentRequest = { requestId, path, attempts: 0, outcomes: [] };
    const res = await this.attempt(record, async (url) => fetch(`${url}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await this.token(subject)}`, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify(body),
      signal: AbortSignal.any([this.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
    }));
    this.sent.push(record);
    return { body: (await res.json()) as T, requestId };
  }

  /** Counts over every request: how many were sent again, and why. */
  summary(): { requests: number; sentAgain: number; outcomes: Record<string, number> } {
    const outcomes: Record<string, number> = {};
    for (const r of this.sent) for (const o of r.outcomes) outcomes[o] = (outcomes[o] ?? 0) + 1;
    return { requests: this.sent.length, sentAgain: this.sent.filter((r) => r.attempts > 1).length, outcomes };
  }

  /** A dev-login token per subject; the APIs share the signing secret, so one serves on every API. */
  private token(subject: string): Promise<string> {
    let token = this.tokens.get(subject);
    if (!token) {
      const record: SentRequest = { requestId: 'dev-login', path: 'auth/dev-login', attempts: 0, outcomes: [] };
      token = this.attempt(record, (url) => fetch(`${url}/auth/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject }),
        signal: AbortSignal.any([this.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      })).then(async (res) => ((await res.json()) as { accessToken: string }).accessToken);
      token.catch(() => this.tokens.delete(subject));
      this.tokens.set(subject, token);
    }
    return token;
  }

  private async attempt(record: SentRequest, call: (apiUrl: string) => Promise<Response>): Promise<Response> {
    const started = Date.now();
    for (;;) {
      const urls = this.apiUrls();
      const url = urls[this.next++ % urls.length]!;
      record.attempts++;
      try {
        const res = await call(url);
        record.outcomes.push(String(res.status));
        if (res.status < 300) return res;
        const text = await res.text();
        if (res.status < 500) throw new AnswerError(`POST ${record.path} (X-Request-Id ${record.requestId}, attempt ${record.attempts}) answered ${res.status}: ${text.slice(0, 400)}`);
      } catch (error) {
        if (error instanceof AnswerError || this.signal.aborted) throw error;
        const cause = (error as { cause?: { code?: string } }).cause;
        record.outcomes.push(cause?.code ?? (error as Error).name);
      }
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`POST ${record.path} (X-Request-Id ${record.requestId}) not through after ${record.attempts} attempts: ${record.outcomes.join(', ')}`);
      await sleep(RETRY_PAUSE_MS);
    }
  }
}

/** A 4xx: the API's answer to the command itself, not a failure to deliver it. */
class AnswerError extends Error {}

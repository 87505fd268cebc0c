/** The product's HTTP API as the benchmark's demo users call it (dev login, bearer tokens). */
import { interruption, throwIfInterrupted } from './abort';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class ApiClient {
  private readonly tokens = new Map<string, Promise<string>>();
  private next = 0;

  /** Several base URLs (the cluster topology's APIs): each call goes to the next, as a load balancer would. */
  constructor(private readonly baseUrls: string[]) {}

  private get baseUrl(): string {
    return this.baseUrls[this.next++ % this.baseUrls.length]!;
  }

  /** A dev-login token per subject, fetched once (they last hours). */
  token(subject: string): Promise<string> {
    let token = this.tokens.get(subject);
    if (!token) {
      token = (async () => {
        const res = await fetch(`${this.baseUrl}/auth/dev-login`, { signal: interruption.signal, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject }) });
        if (!res.ok) throw new ApiError(res.status, `dev login as ${subject}: ${res.status} ${await res.text()} (is AUTH_DEV_LOGIN on?)`);
        return ((await res.json()) as { accessToken: string }).accessToken;
      })();
      token.catch(() => this.tokens.delete(subject));
      this.tokens.set(subject, token);
    }
    return token;
  }

  async headers(subject: string): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.token(subject)}` };
  }

  /** One call as `subject`; any answer from 300 on is an ApiError naming the call and the answer. */
  async call<T>(subject: string, method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const res = await fetch(`${this.baseUrl}/${path}`, {
      signal: interruption.signal,
      method,
      headers: { ...(await this.headers(subject)), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new ApiError(res.status, `${method} /api/${path} as ${subject}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(subject: string, path: string): Promise<T> {
    return this.call<T>(subject, 'GET', path);
  }

  post<T>(subject: string, path: string, body: object = {}): Promise<T> {
    return this.call<T>(subject, 'POST', path, body);
  }
}

/** Probes every 100 ms until `ok` holds; fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    throwIfInterrupted();
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpStack } from './http-stack';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: the caller encodes (or deliberately does not encode) it. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * A client that sends what a hostile caller would: any path, headers and body bytes, over
 * keep-alive sockets to the stack's loopback port (supertest would bind a new port per request).
 */
export interface RawHttp {
  send(req: RawRequest): Promise<RawResponse>;
  close(): void;
}

const TIMEOUT_MS = 30_000;

/** Lets the stack's app listen on 127.0.0.1 (an ephemeral port) and returns a client for it. */
export async function rawHttpTo(s: HttpStack): Promise<RawHttp> {
  const server = s.app.getHttpServer() as http.Server;
  if (!server.listening) await s.app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  return {
    send: (req) =>
      new Promise<RawResponse>((resolve, reject) => {
        const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
        const headers: Record<string, string | number> = { ...req.headers };
        if (body) headers['content-length'] = body.length;
        const r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        r.setTimeout(TIMEOUT_MS, () => r.destroy(new Error(`no answer in ${TIMEOUT_MS} ms: ${req.method} ${req.path.slice(0, 200)}`)));
        r.on('error', reject);
        r.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** Runs `work` over `items` with at most `concurrency` at a time, keeping the order of the results. */
export async function inBatches<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

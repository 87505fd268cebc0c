import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The request id: a client's X-Request-Id when it looks sane, otherwise a new UUID. It doubles as
 * the Temporal update id, so a client that retries with the same X-Request-Id is applied once.
 */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/** Express middleware: sets `req.id` and the X-Request-Id response header. */
export function assignRequestId(req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void {
  req.id = requestIdFor(req);
  res.setHeader('X-Request-Id', req.id);
  next();
}

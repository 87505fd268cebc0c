import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Pipes generated text into the response with backpressure: the generator is only asked for more
 * when the socket has taken the last chunk, so a slow client never makes the server buffer the
 * export. Once the first byte is out the status cannot change any more; a failure then cuts the
 * response short (the verifier reports a truncated bundle) and is logged here.
 */
export async function streamToResponse(res: Response, source: AsyncIterable<string>, logger: Logger, what: string): Promise<void> {
  try {
    await pipeline(Readable.from(source, { objectMode: false }), res);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') logger.warn({ msg: `${what}: the client closed the connection early` });
    else logger.error({ msg: `${what} failed while streaming`, err: error });
    if (!res.destroyed) res.destroy();
  }
}

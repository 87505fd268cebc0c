import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AuditStreamConnection, StreamRange } from '@cluster/persistence';
import type { ChainSegment } from './chain-segment';

/** One worker's part of a chain. */
export interface SegmentJob {
  connection: AuditStreamConnection;
  stream: string;
  range: StreamRange;
  anchorSeq?: number;
  batchSize: number;
}

/** Below this many events one thread is quicker than starting workers (each takes a few hundred ms to load). */
export const PARALLEL_FROM_EVENTS = 20_000;

/** Workers for one chain: one per core, at least two (one reads while the other hashes), at most four. */
export function workerCount(): number {
  return Math.max(2, Math.min(4, availableParallelism()));
}

/** The stream's seqs 1..headSeq cut into `parts` ranges; the last is open-ended, so events appended meanwhile are read as before. */
export function segmentRanges(headSeq: number, parts: number): StreamRange[] {
  const size = Math.ceil(headSeq / parts);
  return Array.from({ length: parts }, (_, i) => ({ after: i * size, upTo: i === parts - 1 ? undefined : (i + 1) * size }));
}

/**
 * Checks each range in a worker thread of its own and answers the parts in chain order, to be
 * joined by ChainVerifier.addSegment. The API's event loop stays free meanwhile. Under ts-node
 * style loading (the product runs its TypeScript through @swc-node/register) a worker is given the
 * same loader; a process already started with it passes it on by itself.
 */
export async function checkSegmentsInWorkers(jobs: SegmentJob[]): Promise<ChainSegment[]> {
  const file = join(__dirname, `chain-segment.worker${extname(__filename)}`);
  const needsLoader = extname(__filename) === '.ts' && !process.execArgv.some((a) => a.includes('@swc-node/register'));
  const workers = jobs.map((job) => new Worker(file, { workerData: job, execArgv: needsLoader ? [...process.execArgv, '--require', '@swc-node/register'] : undefined }));
  try {
    return await Promise.all(
      workers.map(
        (worker) =>
          new Promise<ChainSegment>((resolve, reject) => {
            worker.once('message', (m: { segment?: ChainSegment; error?: string }) => (m.segment ? resolve(m.segment) : reject(new Error(m.error ?? 'verification worker failed'))));
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`verification worker stopped (exit ${code})`)));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * A worker thread's part of a long chain's verification: reads its range of the stream over a
 * connection of its own and hashes as the rows come, then answers with the part's ChainSegment.
 * It loads only the hash and the stream reader (no Nest, no TypeORM), so it starts quickly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openAuditStream, streamAuditRows } from '@cluster/persistence/audit-stream';
import { SegmentSummariser } from './chain-segment';
import type { SegmentJob } from './parallel-verification';

async function run(job: SegmentJob): Promise<void> {
  const reader = await openAuditStream(job.connection, 'cluster-cases-verify');
  try {
    const part = new SegmentSummariser(job.anchorSeq);
    for await (const event of streamAuditRows(reader.query, job.stream, job.batchSize, job.range)) part.add(event);
    parentPort!.postMessage({ segment: part.summary() });
  } finally {
    await reader.close();
  }
}

run(workerData as SegmentJob).catch((error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }));

import type { AuditHead } from '@cluster/contracts';
import { caseStream } from '@cluster/audit';

/** The part of the Database a command's activity uses to hand its audit head on (see Database.collectHeads). */
export interface HeadSource {
  collectHeads<T>(work: () => Promise<T>): Promise<{ result: T; heads: Map<string, AuditHead> }>;
  announce(streams: string[]): void;
  readonly repos: { audit: { headOf(stream: string): Promise<AuditHead | null> } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Runs a case command and puts its case's new audit head into its answer (`auditHead`), for the
 * workflow to keep. This replaces the signal the worker sent after every commit, and with it a
 * workflow task per command. The head travels in the activity's result, so it is as durable as
 * the command: a workflow task that fails after the activity completed replays the same result.
 *
 * - An answer that is not an object (a list, nothing) cannot carry it: the commit is announced
 *   and the head goes by signal, as before.
 * - An attempt that found the command's kept answer (an earlier attempt committed, its answer
 *   was lost) gets the heads kept with it (Database.once), so every attempt answers the same.
 *   A kept answer from before heads were kept has none: it carries the chain's present head.
 * - Streams of other cases the command extended are announced as before.
 */
export async function withAuditHead<T>(source: HeadSource, caseId: string, work: () => Promise<T>): Promise<T> {
  const stream = caseStream(caseId);
  const { result, heads } = await source.collectHeads(work);
  source.announce([...heads.keys()].filter((s) => s !== stream));
  if (!isRecord(result)) {
    if (heads.has(stream)) source.announce([stream]);
    return result;
  }
  if (isRecord(result.auditHead)) return result;
  const head = heads.get(stream) ?? (await source.repos.audit.headOf(stream));
  return head ? ({ ...result, auditHead: { seq: head.seq, hash: head.hash } } as T) : result;
}

import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../hash-chain';
import {
  EVIDENCE_FORMAT,
  signedStatement,
  toEventLine,
  type ChainHead,
  type DocumentLine,
  type ExportableEvent,
  type ExportedBy,
  type HeaderLine,
  type SignatureLine,
} from './bundle-format';
import type { EvidenceSigningKey } from './signing-key';

export interface EvidenceBundleInput {
  caseId: string;
  clusterName: string;
  exportedAt: Date;
  exportedBy: ExportedBy;
  /** The case's chain in seq order; read lazily, so a chain of any length streams through. */
  events: AsyncIterable<ExportableEvent>;
  /** Called once the events are written. */
  documents: () => Promise<Iterable<DocumentLine>> | Iterable<DocumentLine>;
  signingKey: Pick<EvidenceSigningKey, 'info' | 'sign'>;
}

/**
 * The bundle as a stream of lines (each ending in "\n"). The SHA-256 over the bytes is computed
 * as the lines pass, so only one line is in memory at a time; the signature line comes last.
 */
export async function* evidenceBundleLines(input: EvidenceBundleInput): AsyncGenerator<string> {
  const digest = createHash('sha256');
  const line = (value: object): string => {
    const text = `${JSON.stringify(value)}\n`;
    digest.update(text, 'utf8');
    return text;
  };

  const header: HeaderLine = {
    type: 'header',
    format: EVIDENCE_FORMAT,
    caseId: input.caseId,
    clusterName: input.clusterName,
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: input.exportedBy,
    signingKey: input.signingKey.info,
  };
  yield line(header);

  let events = 0;
  let chainHead: ChainHead = { seq: 0, hash: GENESIS_HASH };
  for await (const event of input.events) {
    yield line(toEventLine(event));
    events++;
    chainHead = { seq: event.seq, hash: event.hash };
  }
  for (const document of await input.documents()) yield line(document);

  const bundleSha256 = digest.digest('hex');
  const signature: SignatureLine = {
    type: 'signature',
    events,
    chainHead,
    bundleSha256,
    signature: input.signingKey.sign(signedStatement({ caseId: input.caseId, events, chainHead, bundleSha256 })),
  };
  yield `${JSON.stringify(signature)}\n`;
}

/**
 * Joins small strings into chunks of about `size` bytes: one write per chunk instead of one per
 * line keeps a 100,000-event export from spending its time in write calls.
 */
export async function* inChunks(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  for await (const text of lines) {
    pending.push(text);
    length += text.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

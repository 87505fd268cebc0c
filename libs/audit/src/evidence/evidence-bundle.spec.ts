import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eventHash, GENESIS_HASH, type ChainedFields } from '../hash-chain';
import { signedStatement, type DocumentLine, type ExportableEvent } from './bundle-format';
import { evidenceBundleLines, inChunks } from './bundle-writer';
import { EvidenceSigningKey } from './signing-key';
import { verifyEvidenceBundle } from './verify-bundle-stream';

const CASE_ID = '5b0b6f7e-1c1a-4c53-9a59-6f3c1f0c2d11';
const serverKey = EvidenceSigningKey.generate();
const otherKey = EvidenceSigningKey.generate();

function rechain(fields: Omit<ChainedFields, 'prevHash'>[]): ExportableEvent[] {
  let prevHash = GENESIS_HASH;
  return fields.map((f, i) => {
    const chained = { ...f, prevHash };
    const hash = eventHash(chained);
    prevHash = hash;
    return { ...chained, id: String(100 + i), hash };
  });
}

function events(n: number): ExportableEvent[] {
  return rechain(
    Array.from({ length: n }, (_, i) => ({
      stream: `case:${CASE_ID}`, seq: i + 1, caseId: CASE_ID, occurredAt: new Date(Date.UTC(2026, 0, i + 1, 9, 30)),
      actorId: 'u1', actorName: 'Anne Dossierbeheerder', actorRole: 'case_handler', organisation: 'EWI',
      action: i === 0 ? 'case.created' : 'roadmap.draft_saved', reason: i === 2 ? 'Herziening, "v2"\nna overleg' : null,
      payload: { n: i + 1, nested: { naam: 'Één', lijst: [1, 'twee'] } }, documentHashes: i === 1 ? ['a'.repeat(64)] : [],
      requestId: `r${i}`, workflowId: `case-${CASE_ID}`, idempotencyKey: `k${i}`,
    })),
  );
}

const documents: DocumentLine[] = [
  { type: 'document', kind: 'roadmap_version', id: 'r1', sha256: 'a'.repeat(64), version: 1, status: 'submitted' },
  { type: 'document', kind: 'attachment', id: 'd1', sha256: 'b'.repeat(64), fileName: 'bijlage.pdf' },
];

async function bundleText(list = events(5), key: Pick<EvidenceSigningKey, 'info' | 'sign'> = serverKey): Promise<string> {
  async function* source() {
    yield* list;
  }
  let text = '';
  for await (const chunk of inChunks(
    evidenceBundleLines({
      caseId: CASE_ID, clusterName: 'Duurzame chemie', exportedAt: new Date('2026-03-01T10:00:00Z'),
      exportedBy: { userId: 'a1', displayName: 'Audrey Auditor', role: 'auditor', organisation: 'Audit Vlaanderen' },
      events: source(), documents: () => documents, signingKey: key,
    }),
    256, // small chunks, so lines are split across them
  )) text += chunk;
  return text;
}

const verify = (text: string, pinnedFingerprint?: string) => verifyEvidenceBundle(Readable.from([Buffer.from(text, 'utf8')]), { pinnedFingerprint });
const lines = (text: string) => text.split('\n').slice(0, -1);
const join = (ls: string[]) => `${ls.join('\n')}\n`;
/** Changes one line's JSON. Line numbers are 1-based, as the verifier reports them. */
const edit = (text: string, line: number, change: (v: Record<string, unknown>) => void) => {
  const ls = lines(text);
  const value = JSON.parse(ls[line - 1]!);
  change(value);
  ls[line - 1] = JSON.stringify(value);
  return join(ls);
};

describe('evidence bundle', () => {
  let valid: string;
  beforeAll(async () => {
    valid = await bundleText();
  });

  it('is a header, the events in order, the documents and a signature, one JSON object per line', () => {
    const parsed = lines(valid).map((l) => JSON.parse(l));
    expect(parsed.map((l) => l.type)).toEqual(['header', 'event', 'event', 'event', 'event', 'event', 'document', 'document', 'signature']);
    expect(parsed[0]).toMatchObject({ format: 'cluster-case-evidence/1', caseId: CASE_ID, signingKey: serverKey.info });
    expect(parsed[3]).toMatchObject({ seq: 3, reason: 'Herziening, "v2"\nna overleg', occurredAt: '2026-01-03T09:30:00.000Z' });
    expect(parsed[8]).toMatchObject({ events: 5, chainHead: { seq: 5, hash: events(5)[4]!.hash }, bundleSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('verifies when intact, and warns that an unpinned key is only self-declared', async () => {
    const result = await verify(valid);
    expect(result).toMatchObject({ ok: true, problem: null, caseId: CASE_ID, events: 5, documents: 2, chainHead: { seq: 5 }, keyPinned: false });
    expect(result.warnings).toEqual([expect.objectContaining({ en: expect.stringMatching(/only self-declared/) })]);
  });

  it('verifies against the pinned key, with no warning', async () => {
    expect(await verify(valid, serverKey.info.fingerprint)).toMatchObject({ ok: true, keyPinned: true, warnings: [] });
  });

  it('an empty chain verifies too (head is the genesis hash at seq 0)', async () => {
    expect(await verify(await bundleText([]))).toMatchObject({ ok: true, events: 0, chainHead: { seq: 0, hash: GENESIS_HASH } });
  });

  it('fails on a changed event payload, naming the line and the seq', async () => {
    const tampered = edit(valid, 4, (e) => ((e.payload as { n: number }).n = 99));
    expect((await verify(tampered)).problem).toMatchObject({ code: 'hash_mismatch', line: 4, seq: 3, message: { en: expect.stringMatching(/event was altered/) } });
  });

  it('fails on a changed payload even when the chain after it was recomputed: only the server can sign', async () => {
    const forgedChain = rechain(events(5).map(({ id: _id, hash: _hash, prevHash: _prev, ...f }, i) => (i === 2 ? { ...f, payload: { n: 99 } } : f)));
    // The forger's bundle: the server's header, the recomputed chain, its true head and bundle hash,
    // and the server's signature from the original (the forger has no key to sign the new facts).
    const body = lines(await bundleText(forgedChain)).slice(1, -1);
    const forgedLines = [lines(valid)[0]!, ...body];
    const original = JSON.parse(lines(valid).at(-1)!);
    const bundleSha256 = createHash('sha256').update(forgedLines.map((l) => `${l}\n`).join('')).digest('hex');
    const signature = { ...original, chainHead: { seq: 5, hash: forgedChain[4]!.hash } };
    expect((await verify(join([...forgedLines, JSON.stringify(signature)]))).problem).toMatchObject({ code: 'bundle_hash_mismatch', line: 9 });
    expect((await verify(join([...forgedLines, JSON.stringify({ ...signature, bundleSha256 })]))).problem).toMatchObject({ code: 'bad_signature', line: 9 });
  });

  it('fails on a removed event line', async () => {
    const ls = lines(valid);
    ls.splice(3, 1); // the event with seq 3
    expect((await verify(join(ls))).problem).toMatchObject({ code: 'sequence_gap', line: 4, seq: 4, message: { en: expect.stringMatching(/expected seq 3.*removed or moved/) } });
  });

  it('fails when the last event line is removed (the counts differ)', async () => {
    const ls = lines(valid);
    ls.splice(5, 1);
    expect((await verify(join(ls))).problem).toMatchObject({ code: 'count_mismatch', line: 8 });
  });

  it('fails on a swapped pair of event lines', async () => {
    const ls = lines(valid);
    [ls[2], ls[3]] = [ls[3]!, ls[2]!];
    expect((await verify(join(ls))).problem).toMatchObject({ code: 'sequence_gap', line: 3, seq: 3 });
  });

  it('fails on a changed chain head', async () => {
    const tampered = edit(valid, 9, (s) => ((s.chainHead as { hash: string }).hash = 'f'.repeat(64)));
    expect((await verify(tampered)).problem).toMatchObject({ code: 'head_mismatch', line: 9, message: { en: expect.stringMatching(/chain head/) } });
  });

  it('fails on a changed document hash (the bundle hash covers every line)', async () => {
    const tampered = edit(valid, 7, (d) => (d.sha256 = 'c'.repeat(64)));
    expect((await verify(tampered)).problem).toMatchObject({ code: 'bundle_hash_mismatch', line: 9 });
  });

  it('fails on a forged signature', async () => {
    const tampered = edit(valid, 9, (s) => {
      const facts = { caseId: CASE_ID, events: s.events as number, chainHead: s.chainHead as { seq: number; hash: string }, bundleSha256: s.bundleSha256 as string };
      s.signature = otherKey.sign(signedStatement(facts));
    });
    expect((await verify(tampered)).problem).toMatchObject({ code: 'bad_signature', line: 9, message: { en: expect.stringMatching(/signature is not valid/) } });
    const garbage = edit(valid, 9, (s) => (s.signature = 'not base64!'));
    expect((await verify(garbage)).problem).toMatchObject({ code: 'bad_signature' });
  });

  it('fails when verified against a different public key than the signer', async () => {
    expect((await verify(valid, otherKey.info.fingerprint)).problem).toMatchObject({ code: 'key_not_pinned', line: 1, message: { en: expect.stringMatching(/different key/) } });
  });

  it('a bundle re-signed with another key passes only as self-declared; the pinned key exposes it', async () => {
    const resigned = await bundleText(events(5), otherKey);
    expect(await verify(resigned)).toMatchObject({ ok: true, keyPinned: false, signingKey: { fingerprint: otherKey.info.fingerprint } });
    expect((await verify(resigned, serverKey.info.fingerprint)).problem).toMatchObject({ code: 'key_not_pinned' });
  });

  it('fails when the header claims a fingerprint of another key', async () => {
    const tampered = edit(valid, 1, (h) => ((h.signingKey as { fingerprint: string }).fingerprint = otherKey.info.fingerprint));
    expect((await verify(tampered)).problem).toMatchObject({ code: 'fingerprint_mismatch', line: 1 });
  });

  it('fails when truncated, or when something follows the signature', async () => {
    expect((await verify(join(lines(valid).slice(0, 7)))).problem).toMatchObject({ code: 'missing_signature', line: 8 });
    expect((await verify(`${valid}{"type":"event"}\n`)).problem).toMatchObject({ code: 'content_after_signature', line: 10 });
    expect((await verify('')).problem).toMatchObject({ code: 'empty' });
  });

  it('fails on changed line endings (CRLF) and on a line that is not JSON', async () => {
    expect((await verify(valid.replace(/\n/g, '\r\n'))).problem).toMatchObject({ code: 'carriage_return', line: 1 });
    const ls = lines(valid);
    ls[4] = ls[4]!.slice(0, -1);
    expect((await verify(join(ls))).problem).toMatchObject({ code: 'not_json', line: 5 });
  });

  it('fails on an event of another case', async () => {
    const tampered = edit(valid, 2, (e) => (e.caseId = 'another'));
    expect((await verify(tampered)).problem).toMatchObject({ code: 'wrong_case', line: 2, seq: 1 });
  });
});

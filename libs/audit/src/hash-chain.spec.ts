import { canonicalize } from 'json-canonicalize';
import { canonicalEventJson, canonicalFields, ChainVerifier, eventHash, GENESIS_HASH, type ChainedFields } from './hash-chain';

function chain(n: number): (ChainedFields & { hash: string })[] {
  const events: (ChainedFields & { hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      stream: 'case:1', seq, caseId: '1', occurredAt: new Date(Date.UTC(2026, 0, seq)),
      actorId: 'u', actorName: 'User', actorRole: 'case_handler', organisation: 'EWI',
      action: 'test', reason: null, payload: { n: seq, nested: { b: 1, a: [1, 'x'] } },
      documentHashes: [], requestId: `r${seq}`, workflowId: 'case-1', idempotencyKey: null, prevHash,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

function verify(events: (ChainedFields & { hash: string })[], head?: { seq: number; hash: string }) {
  const v = new ChainVerifier(head);
  events.forEach((e) => v.add(e));
  return v.result();
}

describe('audit hash chain', () => {
  it('does not depend on key order in the payload', () => {
    const [e] = chain(1);
    expect(eventHash({ ...e!, payload: { nested: { a: [1, 'x'], b: 1 }, n: 1 } })).toBe(e!.hash);
  });

  it('accepts an intact chain and reports its head', () => {
    const events = chain(5);
    expect(verify(events, { seq: 5, hash: events[4]!.hash })).toMatchObject({ ok: true, checked: 5, headHash: events[4]!.hash });
  });

  it('names the first event that does not fit', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, payload: { n: 999 } };
    expect(verify(events).firstBreak).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });

  it('detects a deleted row, a swapped order and a deleted tail', () => {
    const events = chain(5);
    expect(verify([events[0]!, events[1]!, events[3]!, events[4]!]).firstBreak).toMatchObject({ seq: 4, problem: 'sequence_gap' });
    expect(verify([events[0]!, events[2]!, events[1]!]).firstBreak).toMatchObject({ seq: 3, problem: 'sequence_gap' });
    const swapped = [events[0]!, { ...events[2]!, seq: 2 }, { ...events[1]!, seq: 3 }];
    expect(verify(swapped).ok).toBe(false);
    expect(verify(events.slice(0, 3), { seq: 5, hash: events[4]!.hash }).firstBreak).toMatchObject({ seq: 4, problem: 'tail_missing' });
  });

  it('refuses events after the kept head and a replaced head', () => {
    const events = chain(5);
    expect(verify(events, { seq: 3, hash: events[2]!.hash })).toMatchObject({ ok: false, headSeq: 5, unanchored: 2, firstBreak: { seq: 4, problem: 'not_anchored' } });
    expect(verify(events, { seq: 0, hash: GENESIS_HASH }).firstBreak).toMatchObject({ seq: 1, problem: 'not_anchored' });
    expect(verify(events)).toMatchObject({ ok: true, unanchored: 5 });
    expect(verify(events, { seq: 3, hash: 'f'.repeat(64) }).firstBreak).toMatchObject({ seq: 3, problem: 'head_mismatch' });
    expect(verify([])).toMatchObject({ ok: true, checked: 0, headSeq: 0, headHash: GENESIS_HASH });
  });

  it('writes the canonical JSON field by field exactly as the generic canonicalizer does', () => {
    const texts = ['', 'Aé€', '\u2028\u2029', '\ud800 lone', '"quotes" \\ \n\t\u0000', '😀 emoji', 'z'.repeat(300)];
    const payloads: Record<string, unknown>[] = [{}, { b: 1, a: [1, 'x', null, true, { d: -0, c: 1e21 }] }, { 'é': 1, e: 2, '10': 3, '9': 4 }, { n: 0.1 + 0.2, big: 2 ** 53, tiny: 5e-324 }];
    let checked = 0;
    for (const text of texts) {
      for (const payload of payloads) {
        const [base] = chain(1);
        for (const e of [
          { ...base!, actorName: text, reason: text, payload },
          { ...base!, reason: null, requestId: null, workflowId: null, idempotencyKey: text, caseId: null, documentHashes: [text, 'a'] },
          { ...base!, seq: 2_147_483_647, organisation: text, payload: { text } },
        ]) {
          expect(canonicalEventJson(e)).toBe(canonicalize(canonicalFields(e)));
          checked++;
        }
      }
    }
    expect(checked).toBe(texts.length * payloads.length * 3);
    // What the outer object does not expect takes the generic path: omitted, or refused, as before.
    const [e] = chain(1);
    const odd = { ...e!, reason: undefined } as unknown as ChainedFields;
    expect(canonicalEventJson(odd)).toBe(canonicalize(canonicalFields(odd)));
    expect(() => canonicalEventJson({ ...e!, seq: Number.NaN })).toThrow(/Non-finite/);
  });
});

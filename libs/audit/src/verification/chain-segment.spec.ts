import { ChainVerifier, eventHash, GENESIS_HASH, type ChainedFields } from '../hash-chain';
import { SegmentSummariser } from './chain-segment';

type Event = ChainedFields & { id: string; hash: string };

function chain(n: number): Event[] {
  const events: Event[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      stream: 'case:1', seq, caseId: '1', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, seq)),
      actorId: 'u', actorName: 'User', actorRole: 'case_handler', organisation: 'EWI',
      action: 'test', reason: seq % 3 ? null : `r${seq}`, payload: { n: seq }, documentHashes: [],
      requestId: `r${seq}`, workflowId: 'case-1', idempotencyKey: null, prevHash,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, id: String(seq), hash });
    prevHash = hash;
  }
  return events;
}

function whole(events: Event[], anchor?: { seq: number; hash: string }) {
  const v = new ChainVerifier(anchor);
  events.forEach((e) => v.add(e));
  return v.result();
}

/** The same events cut into parts at `cuts` (indexes), each part summarised alone, then joined. */
function inParts(events: Event[], cuts: number[], anchor?: { seq: number; hash: string }) {
  const v = new ChainVerifier(anchor);
  const bounds = [0, ...cuts, events.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = new SegmentSummariser(anchor?.seq);
    events.slice(bounds[i], bounds[i + 1]).forEach((e) => part.add(e));
    v.addSegment(part.summary());
  }
  return v.result();
}

/** A small deterministic generator, so a failure can be repeated. */
function random(seed: number) {
  let x = seed;
  return (below: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % below;
  };
}

describe('a chain verified in parts (worker threads) says exactly what it says verified whole', () => {
  const tamperings: [string, (events: Event[], pick: (n: number) => number) => Event[]][] = [
    ['intact', (e) => e],
    ['a payload changed', (e, pick) => e.map((x, i) => (i === pick(e.length) ? { ...x, payload: { n: -1 } } : x))],
    ['a row deleted', (e, pick) => { const i = pick(e.length); return e.filter((_, j) => j !== i); }],
    ['the tail deleted', (e, pick) => e.slice(0, 1 + pick(e.length - 1))],
    ['two rows swapped', (e, pick) => { const i = pick(e.length - 1); const c = e.slice(); [c[i], c[i + 1]] = [{ ...c[i + 1]!, seq: c[i]!.seq }, { ...c[i]!, seq: c[i + 1]!.seq }]; return c; }],
    ['a row replaced with a rehashed one', (e, pick) => { const i = pick(e.length); const c = e.slice(); const changed = { ...c[i]!, payload: { n: 0 } }; c[i] = { ...changed, hash: eventHash(changed) }; return c; }],
    ['a gap in the numbering', (e, pick) => { const i = pick(e.length); return e.map((x, j) => (j >= i ? { ...x, seq: x.seq + 5 } : x)); }],
    ['two breaks', (e, pick) => e.map((x, i) => (i === pick(e.length) || i === pick(e.length) ? { ...x, prevHash: 'f'.repeat(64) } : x))],
  ];

  it.each(tamperings)('%s: every way of cutting it, with and without a kept head', (_, tamper) => {
    for (let seed = 1; seed <= 40; seed++) {
      const pick = random(seed);
      const events = tamper(chain(12 + pick(20)), pick);
      const original = chain(40);
      const anchors = [undefined, { seq: 0, hash: GENESIS_HASH }, { seq: events.length, hash: original[events.length - 1]!.hash }, { seq: 1 + pick(events.length), hash: original[pick(events.length)]!.hash }];
      const cutSets = [[], [1], [events.length - 1], [pick(events.length)], [pick(events.length), pick(events.length)].sort((a, b) => a - b), Array.from({ length: events.length - 1 }, (_, i) => i + 1)];
      for (const anchor of anchors) {
        for (const cuts of cutSets) expect(inParts(events, cuts, anchor)).toEqual(whole(events, anchor));
      }
    }
  });

  it('joins empty parts as nothing', () => {
    const events = chain(5);
    expect(inParts(events, [0, 0, 5, 5])).toEqual(whole(events));
    expect(inParts([], [0])).toEqual(whole([]));
  });
});

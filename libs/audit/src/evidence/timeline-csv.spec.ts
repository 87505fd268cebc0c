import { eventHash, GENESIS_HASH } from '../hash-chain';
import type { ExportableEvent } from './bundle-format';
import { spreadsheetSafe, timelineCsvChunks } from './timeline-csv';

function event(seq: number, overrides: Partial<ExportableEvent> = {}): ExportableEvent {
  const fields = {
    stream: 'case:c', seq, caseId: 'c', occurredAt: new Date(Date.UTC(2026, 1, seq)), actorId: 'u', actorName: 'Anne',
    actorRole: 'case_handler', organisation: 'EWI', action: 'case.created', reason: null, payload: {}, documentHashes: [],
    requestId: null, workflowId: null, idempotencyKey: null, prevHash: GENESIS_HASH, ...overrides,
  };
  return { ...fields, id: String(seq), hash: eventHash(fields) };
}

async function csv(events: ExportableEvent[], batchSize?: number): Promise<string> {
  async function* source() {
    yield* events;
  }
  let text = '';
  for await (const chunk of timelineCsvChunks(source(), batchSize)) text += chunk;
  return text;
}

describe('timeline CSV', () => {
  it('starts with a BOM and the header, then one row per event, across batches', async () => {
    const text = await csv([1, 2, 3].map((n) => event(n)), 2);
    expect(text.startsWith('\uFEFFseq,occurredAt,action,actorName,actorRole,organisation,reason,documentHashes,hash,prevHash\r\n')).toBe(true);
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    const rows = text.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toBe(`1,2026-02-01T00:00:00.000Z,case.created,Anne,case_handler,EWI,,,${event(1).hash},${GENESIS_HASH}`);
  });

  it('quotes commas, quotes and line breaks, joins document hashes with a space', async () => {
    const text = await csv([event(1, { reason: 'Herzien, "v2"\nna overleg', actorName: 'Dupont, Jan', documentHashes: ['a'.repeat(64), 'b'.repeat(64)] })]);
    expect(text).toContain(',"Dupont, Jan",');
    expect(text).toContain(',"Herzien, ""v2""\nna overleg",');
    expect(text).toContain(`,${'a'.repeat(64)} ${'b'.repeat(64)},`);
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    expect(['=1+1', '+32', '-2', '@SUM(A1)', '\tx', 'gewoon', ''].map(spreadsheetSafe)).toEqual(["'=1+1", "'+32", "'-2", "'@SUM(A1)", "'\tx", 'gewoon', '']);
    const text = await csv([event(1, { reason: '=HYPERLINK("http://evil.example","klik")', actorName: '@admin' })]);
    expect(text).toContain(`,'@admin,`);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""klik"")",`);
  });

  it('writes the header even for an empty timeline', async () => {
    expect(await csv([])).toBe('\uFEFFseq,occurredAt,action,actorName,actorRole,organisation,reason,documentHashes,hash,prevHash\r\n');
  });
});

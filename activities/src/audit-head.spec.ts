import { withAuditHead, type HeadSource } from './audit-head';

const caseId = '7f0c3c1e-0000-4000-8000-000000000001';
const stream = `case:${caseId}`;
const own = { seq: 7, hash: 'a'.repeat(64) };
const present = { seq: 9, hash: 'b'.repeat(64) };

/** A source whose work "committed" `heads`, recording what it announced. */
function source(heads: [string, { seq: number; hash: string }][], head: { seq: number; hash: string } | null = present) {
  const announced: string[][] = [];
  const s: HeadSource = {
    collectHeads: async (work) => ({ result: await work(), heads: new Map(heads) }),
    announce: (streams) => void announced.push(streams),
    repos: { audit: { headOf: async () => head } },
  };
  return { s, announced };
}

describe('a command answering with its audit head', () => {
  it('puts the head its commit left on its case into the answer and announces nothing of that case', async () => {
    const { s, announced } = source([[stream, own]]);
    await expect(withAuditHead(s, caseId, async () => ({ version: 2 }))).resolves.toEqual({ version: 2, auditHead: own });
    expect(announced).toEqual([[]]);
  });

  it('announces the streams of other cases it extended, which their own workflows keep', async () => {
    const { s, announced } = source([[stream, own], ['case:other', present]]);
    await withAuditHead(s, caseId, async () => ({ ok: true }));
    expect(announced).toEqual([['case:other']]);
  });

  it('announces its own case when the answer cannot carry a head (a list)', async () => {
    const { s, announced } = source([[stream, own]]);
    await expect(withAuditHead(s, caseId, async () => [1, 2])).resolves.toEqual([1, 2]);
    expect(announced).toEqual([[], [stream]]);
  });

  it('carries the chain\'s present head when nothing was kept with an older answer', async () => {
    const { s } = source([]);
    await expect(withAuditHead(s, caseId, async () => ({ version: 2 }))).resolves.toEqual({ version: 2, auditHead: present });
  });

  it('leaves an answer that names its head itself as it is (closing a case)', async () => {
    const { s } = source([[stream, present]]);
    await expect(withAuditHead(s, caseId, async () => ({ stage: 'closed', auditHead: own }))).resolves.toEqual({ stage: 'closed', auditHead: own });
  });
});

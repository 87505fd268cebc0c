import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'superagent';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';
import { assessment } from '../support/first-half';
import { minimalPdf } from '../support/documents';
import { eventually, httpCalls } from '../support/http-calls';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/**
 * GET /api/advice-requests/{id}: a council reads what it advises on. The case goes round once
 * (version 2 sent back for revision), so the request's version (4) is not the case's first
 * frozen one and its attachments are not the first draft's: the answer must be the version the
 * council was asked about, by number and hash, and nothing else of the case.
 */
describe('GET /api/advice-requests/{id}: the frozen roadmap under advice', () => {
  let s: HttpStack;
  let caseId: string;
  let requests: Record<string, string>;
  let frozen: { version: number; sha256: string };
  let firstDraftDocument: string;
  const first = roadmap({ vision: 'Eerste versie: Vlaanderen als koploper in slimme logistiek tegen 2035.' });
  const revised = roadmap({
    vision: 'Herwerkte versie: Vlaamse havens als slimste en duurzaamste knooppunt van Europa tegen 2035.',
    objectives: ['Halvering van de CO2-uitstoot van de havenlogistiek', 'Tien nieuwe multimodale verbindingen'],
    milestones: [{ title: 'Digitale tweeling van de haven operationeel', dueDate: '2029-03-31' }],
    commitments: [{ actor: 'Port of Antwerp-Bruges', commitment: 'Investeert in walstroom op alle terminals' }],
  });
  const revisedPdf = minimalPdf('Financieel plan bij de herwerkte roadmap');
  const otherCouncilText = `VRWI-advies ${randomUUID()}`;
  const remarks = `Herwerk de doelstellingen ${randomUUID()}`;

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  const { get, post, as } = httpCalls(() => s);
  const ok = async (res: Promise<{ status: number; body: unknown }>, step: string) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, unknown>;
  };
  const upload = async (subject: string, path: string, bytes: Buffer, filename: string) =>
    s.http().post(`/api/${path}`).set(await as(subject)).attach('file', bytes, { filename, contentType: 'application/pdf' });
  const download = async (subject: string, id: string) => s.http().get(`/api/documents/${id}`).set(await as(subject)).buffer(true).parse(binary);
  const assess = async (step: string) => {
    await ok(post('handler', `cases/${caseId}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] }), `${step}: assessors`);
    for (const a of ['assessor-a', 'assessor-b']) {
      await ok(post(a, `cases/${caseId}/assessment/conflict-declaration`, { hasConflict: false }), `${step}: ${a} declares`);
      await ok(post(a, `cases/${caseId}/assessments`, assessment(4)), `${step}: ${a} assesses`);
    }
  };

  it('takes a case through one revision to the councils, with attachments on both drafts', async () => {
    caseId = (await ok(post('handler', 'cases', { clusterName: 'Slimme havens', domain: 'Logistiek', leadActors: ['Port of Antwerp-Bruges', 'VIL'], partners: ['KU Leuven', 'imec'], accountManagerId: demoUser('handler').id }), 'create')).id as string;
    await ok(post('admin', 'users', { subject: 'rep-havens', displayName: 'Hanne Havens', email: 'hanne@havens.example.be', organisation: 'VIL', roles: ['cluster_representative'], caseIds: [caseId], reason: 'Vertegenwoordiger van de cluster' }), 'representative');
    await ok(post('rep-havens', `cases/${caseId}/roadmap/drafts`, first), 'first draft');
    firstDraftDocument = (await ok(upload('rep-havens', `cases/${caseId}/roadmap/versions/1/documents`, minimalPdf('Eerste bijlage'), 'eerste.pdf'), 'first attachment')).id as string;
    await ok(post('rep-havens', `cases/${caseId}/roadmap/submit`), 'first submission');
    await assess('first round');
    await ok(post('handler', `cases/${caseId}/assessment/conclusion`, { outcome: 'revise', remarks }), 'revise');

    await ok(post('rep-havens', `cases/${caseId}/roadmap/drafts`, revised), 'revised draft');
    await ok(upload('rep-havens', `cases/${caseId}/roadmap/versions/3/documents`, revisedPdf, 'financieel-plan.pdf'), 'revised attachment');
    frozen = (await ok(post('rep-havens', `cases/${caseId}/roadmap/submit`), 'second submission')) as { version: number; sha256: string };
    expect(frozen.version).toBe(4);
    await assess('second round');
    await ok(post('handler', `cases/${caseId}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Sterke herwerking.' }), 'proceed');
    const open = await eventually(() => get('auditor', `advice-requests?caseId=${caseId}&status=open`), (r) => r.body.total === 3);
    requests = Object.fromEntries((open.body.items as { id: string; councilCode: string }[]).map((r) => [r.councilCode, r.id]));
    // Another council's advice is in before RI reads: it must not show up in RI's answer.
    await ok(post('council-vrwi', `advice-requests/${requests.VRWI}/advice`, { position: 'conditional', text: otherCouncilText }), 'VRWI advice');
  });

  it('shows the addressed council the frozen version it was asked about, with its hash and attachments, and the case’s identity', async () => {
    const res = await get('council-ri', `advice-requests/${requests.RI}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: requests.RI, caseId, councilCode: 'RI', round: 1, roadmapVersion: 4, status: 'open', clusterName: 'Slimme havens' });
    expect(res.body.subject.case).toEqual({ id: caseId, clusterName: 'Slimme havens', domain: 'Logistiek', leadActors: ['Port of Antwerp-Bruges', 'VIL'], partners: ['KU Leuven', 'imec'] });
    const version = res.body.subject.roadmapVersion;
    expect(version).toMatchObject({ version: 4, sha256: frozen.sha256 });
    expect(version.content).toEqual(revised);
    expect(version.attachments).toEqual([expect.objectContaining({ fileName: 'financieel-plan.pdf', sha256: sha256(revisedPdf), sizeBytes: revisedPdf.length, caseId, ownerType: 'roadmap_version' })]);

    // The attachment downloads for the council, byte for byte, by its hash.
    const file = await download('council-ri', version.attachments[0].id);
    expect(file.status).toBe(200);
    expect(file.headers['x-content-sha256']).toBe(sha256(revisedPdf));
    expect(sha256(file.body as Buffer)).toBe(sha256(revisedPdf));
    // The first draft's attachment was never under this council's advice.
    expect((await download('council-ri', firstDraftDocument)).status).toBe(403);
  });

  it('holds nothing else of the case: no stage, manager, assessments, remarks or other councils’ advice', async () => {
    const res = await get('council-ri', `advice-requests/${requests.RI}`);
    expect(Object.keys(res.body).sort()).toEqual(
      ['adviceText', 'advisedAt', 'caseId', 'clusterName', 'councilCode', 'dueAt', 'id', 'mayAdvise', 'position', 'remainingDays', 'requestedAt', 'roadmapVersion', 'round', 'status', 'subject'].sort(),
    );
    expect(Object.keys(res.body.subject).sort()).toEqual(['case', 'roadmapVersion']);
    expect(Object.keys(res.body.subject.roadmapVersion).sort()).toEqual(['attachments', 'content', 'sha256', 'submittedAt', 'version']);
    const text = JSON.stringify(res.body);
    for (const secret of [otherCouncilText, remarks, 'Onderbouwing', demoUser('handler').id, demoUser('assessor-a').id, '"stage"', 'accountManager', 'budget', 'VRWI', 'SERV', first.vision]) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('refuses another council with a sentence saying whose request it is; every reader of the case gets it', async () => {
    const res = await get('council-vrwi', `advice-requests/${requests.RI}`);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/^Dit adviesverzoek is gericht aan een andere raad .* \/ This advice request is addressed to another council/);
    expect(JSON.stringify(res.body)).not.toContain(frozen.sha256);
    // Its documents follow the same rule.
    expect((await get('council-vrwi', `advice-requests/${requests.RI}/documents`)).status).toBe(403);

    for (const reader of ['handler', 'approver', 'auditor', 'admin', 'rep-havens']) {
      const read = await get(reader, `advice-requests/${requests.RI}`);
      expect({ reader, status: read.status, sha256: read.body.subject?.roadmapVersion?.sha256 }).toEqual({ reader, status: 200, sha256: frozen.sha256 });
    }
  });

  it('refuses the representative of another case, and answers 404 for an unknown request and 400 for a malformed id', async () => {
    const other = (await ok(post('handler', 'cases', { clusterName: 'Blauwe economie', domain: 'Maritiem', leadActors: ['Blue Cluster'], partners: [], accountManagerId: demoUser('handler').id }), 'other case')).id as string;
    await ok(post('admin', 'users', { subject: 'rep-blauw', displayName: 'Bram Blauw', email: 'bram@blauw.example.be', organisation: 'Blue Cluster', roles: ['cluster_representative'], caseIds: [other], reason: 'Vertegenwoordiger van een andere cluster' }), 'other representative');
    expect((await get('rep-blauw', `advice-requests/${requests.RI}`)).status).toBe(403);

    const unknown = await get('council-ri', `advice-requests/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    const malformed = await get('council-ri', 'advice-requests/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.fieldErrors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('keeps showing the council what it advised on once its advice is in', async () => {
    await ok(post('council-ri', `advice-requests/${requests.RI}/advice`, { position: 'positive', text: 'Gunstig advies van de RI over versie 4.' }), 'RI advice');
    const res = await eventually(() => get('council-ri', `advice-requests/${requests.RI}`), (r) => r.body.status === 'advised');
    expect(res.body).toMatchObject({ position: 'positive', adviceText: 'Gunstig advies van de RI over versie 4.', remainingDays: null, advisedAt: expect.any(String) });
    expect(res.body.subject.roadmapVersion).toMatchObject({ version: 4, sha256: frozen.sha256 });
  });
});

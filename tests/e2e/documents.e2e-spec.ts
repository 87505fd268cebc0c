import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { AuditService } from '@cluster/audit';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';
import { minimalPdf, windowsExecutable } from '../support/documents';

const MAX_BYTES = 2048;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a binary response body as a Buffer (superagent only buffers text by default). */
function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Attachments over HTTP: real API and worker, a small upload limit, a throwaway document folder. */
describe('documents over HTTP', () => {
  let s: HttpStack;
  let dir: string;
  let caseA: string;
  let caseB: string;
  let documentId: string;
  const pdf = minimalPdf('Routekaart Duurzame chemie – bijlage');
  const fileName = 'Routekaart – bijlage "v1".pdf';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'documents-e2e-'));
    s = await startHttpStack({ DOCUMENTS_MAX_BYTES: String(MAX_BYTES), DOCUMENTS_DIR: dir });
  });
  afterAll(async () => {
    await s?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const upload = async (subject: string, path: string, file?: { bytes: Buffer; name: string; type: string }, reason?: string) => {
    const req = s.http().post(`/api${path}`).set(await as(subject));
    if (reason) req.field('reason', reason);
    return file ? req.attach('file', file.bytes, { filename: file.name, contentType: file.type }) : req.field('reason', 'zonder bestand');
  };
  const download = async (subject: string, id: string) =>
    s.http().get(`/api/documents/${id}`).set(await as(subject)).buffer(true).parse(binary);

  it('opens two cases, each with its own cluster representative, and drafts a roadmap', async () => {
    const open = async (clusterName: string) =>
      (await s.http().post('/api/cases').set(await as('handler'))
        .send({ clusterName, domain: 'Chemie', leadActors: ['Catalisti vzw'], partners: [], accountManagerId: demoUser('handler').id })
        .expect(201)).body.id as string;
    caseA = await open('Duurzame chemie');
    caseB = await open('Blauwe economie');
    for (const [subject, caseId] of [['doc-rep-a', caseA], ['doc-rep-b', caseB]] as const) {
      await s.http().post('/api/users').set(await as('admin')).send({
        subject, displayName: subject, email: `${subject}@example.be`, organisation: 'Cluster', roles: ['cluster_representative'], caseIds: [caseId], reason: 'Nieuwe gebruiker in de test',
      }).expect(201);
    }
    await s.http().post(`/api/cases/${caseA}/roadmap/drafts`).set(await as('doc-rep-a')).send(roadmap()).expect(201);
  });

  it('lets the cluster representative attach a PDF to a roadmap version, by its SHA-256', async () => {
    const res = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/1/documents`, { bytes: pdf, name: fileName, type: 'application/pdf' }, 'Financieel plan bij de roadmap');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: caseA, ownerType: 'roadmap_version', fileName, mediaType: 'application/pdf',
      sizeBytes: pdf.length, sha256: sha256(pdf), uploadedBy: expect.any(String),
    });
    documentId = res.body.id;
    expect(res.headers.location).toBe(`/api/documents/${documentId}`);
    expect(res.body.downloadUrl).toBe(`/api/documents/${documentId}`);
  });

  it('gives the same document back when the same bytes are sent again', async () => {
    const res = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/1/documents`, { bytes: pdf, name: 'opnieuw.pdf', type: 'application/pdf' });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(documentId);
  });

  it('streams the exact bytes back with their type, name and SHA-256', async () => {
    for (const subject of ['doc-rep-a', 'handler', 'auditor']) {
      const res = await download(subject, documentId);
      expect(res.status).toBe(200);
      expect(Buffer.isBuffer(res.body)).toBe(true);
      expect((res.body as Buffer).equals(pdf)).toBe(true);
      expect(sha256(res.body)).toBe(sha256(pdf));
      expect(res.headers['x-content-sha256']).toBe(sha256(pdf));
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(pdf.length));
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Routekaart _ bijlage _v1_.pdf"; filename*=UTF-8''Routekaart%20%E2%80%93%20bijlage%20%22v1%22.pdf`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Someone's upload: never kept by a browser or a cache, never run as a page of ours.
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    }
  });

  it('lists the documents of a case for whoever may read it', async () => {
    const res = await s.http().get(`/api/cases/${caseA}/documents`).set(await as('auditor')).expect(200);
    expect(res.body).toEqual([expect.objectContaining({ id: documentId, sha256: sha256(pdf), fileName })]);
    await s.http().get(`/api/cases/${caseA}/documents`).set(await as('doc-rep-b')).expect(403);
    await s.http().get(`/api/cases/${caseA}/documents`).set(await as('council-ri')).expect(403);
  });

  it('refuses a text file and a renamed executable with 415', async () => {
    const text = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/1/documents`, { bytes: Buffer.from('gewoon tekst\n'), name: 'notities.txt', type: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('text/plain'), requestId: expect.any(String) });
    const exe = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/1/documents`, { bytes: windowsExecutable(), name: 'roadmap.pdf', type: 'application/pdf' });
    expect(exe.status).toBe(415);
    expect(exe.body.message).toMatch(/not a PDF/);
  });

  it('refuses a file over DOCUMENTS_MAX_BYTES with a clean 413', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES)]);
    const res = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/1/documents`, { bytes: big, name: 'groot.pdf', type: 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining(`${MAX_BYTES} bytes`), requestId: expect.any(String) });
  });

  it('answers 400 naming the field when no file is sent', async () => {
    const res = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/1/documents`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', fieldErrors: [{ field: 'file', messages: [expect.stringContaining('file')] }] });
  });

  it("keeps other clusters and other case handlers out: 403 to download or attach", async () => {
    const res = await download('doc-rep-b', documentId);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    expect((await download('council-ri', documentId)).status).toBe(403);
    const pdfFile = { bytes: minimalPdf('Van een ander'), name: 'x.pdf', type: 'application/pdf' };
    expect((await upload('doc-rep-b', `/cases/${caseA}/roadmap/versions/1/documents`, pdfFile)).status).toBe(403);
    expect((await upload('handler2', `/cases/${caseA}/roadmap/versions/1/documents`, pdfFile)).status).toBe(403);
    expect((await upload('auditor', `/cases/${caseA}/roadmap/versions/1/documents`, pdfFile)).status).toBe(403);
  });

  it('answers 404 for an unknown document or version, and 400 for a malformed id', async () => {
    const unknown = await download('auditor', randomUUID());
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ error: 'NOT_FOUND' });
    expect((await download('auditor', 'not-a-uuid')).status).toBe(400);
    const pdfFile = { bytes: minimalPdf('Geen versie'), name: 'x.pdf', type: 'application/pdf' };
    expect((await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/9/documents`, pdfFile)).status).toBe(404);
    expect((await upload('doc-rep-a', `/cases/${caseB}/roadmap/versions/1/documents`, pdfFile)).status).toBe(403);
    expect((await upload('handler', `/cases/${caseB}/roadmap/versions/1/documents`, pdfFile)).status).toBe(404);
  });

  it("lets only the addressed council attach to its advice request, and read that request's documents", async () => {
    // An open request of council RI, written directly: this suite is about documents, not the advice round.
    const requestId = randomUUID();
    await s.db.sql(s.db.ownerUrl, `
      INSERT INTO advice_requests (id, case_id, round, council_code, roadmap_version, requested_at, due_at, status)
      VALUES ($1, $2, 1, 'RI', 1, now(), now() + interval '30 days', 'open')`, [requestId, caseA]);
    const advice = { bytes: minimalPdf('Advies van de raad'), name: 'advies RI.pdf', type: 'application/pdf' };

    expect((await upload('council-vrwi', `/advice-requests/${requestId}/documents`, advice)).status).toBe(403);
    expect((await upload('doc-rep-a', `/advice-requests/${requestId}/documents`, advice)).status).toBe(403);
    const res = await upload('council-ri', `/advice-requests/${requestId}/documents`, advice);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId: caseA, ownerType: 'advice_request', ownerId: requestId, sha256: sha256(advice.bytes) });

    const own = await download('council-ri', res.body.id);
    expect(own.status).toBe(200);
    expect((own.body as Buffer).equals(advice.bytes)).toBe(true);
    expect((await download('council-vrwi', res.body.id)).status).toBe(403);
    expect((await download('doc-rep-a', res.body.id)).status).toBe(200);
    await s.http().get(`/api/advice-requests/${requestId}/documents`).set(await as('council-ri')).expect(200)
      .then((r) => expect(r.body.map((d: { id: string }) => d.id)).toEqual([res.body.id]));
    await s.http().get(`/api/advice-requests/${requestId}/documents`).set(await as('council-serv')).expect(403);
  });

  it('records each attachment in the audit trail, as an intact hash chain', async () => {
    const res = await s.http().get(`/api/cases/${caseA}/audit`).set(await as('auditor')).expect(200);
    const attached = res.body.items.filter((e: { action: string }) => e.action === 'document.attached');
    expect(attached).toHaveLength(2);
    expect(attached[0]).toMatchObject({
      actorRole: 'cluster_representative',
      reason: 'Financieel plan bij de roadmap',
      documentHashes: [sha256(pdf)],
      payload: expect.objectContaining({ documentId, fileName, sha256: sha256(pdf), size: pdf.length, roadmapVersion: 1 }),
    });
    expect(attached[1]).toMatchObject({ actorRole: 'council_member', payload: expect.objectContaining({ councilCode: 'RI' }) });
    expect(await new AuditService(s.db.db).verifyCase(caseA)).toMatchObject({ ok: true, checked: res.body.total });
  });

  it('carries the draft’s attachments over to the submitted (frozen) version, and refuses new ones there', async () => {
    const submitted = await s.http().post(`/api/cases/${caseA}/roadmap/submit`).set(await as('doc-rep-a')).send({}).expect(200);
    const versions = (await s.http().get(`/api/cases/${caseA}/roadmap/versions`).set(await as('auditor')).expect(200)).body;
    expect(versions.map((v: { kind: string }) => v.kind)).toEqual(['draft', 'submitted']);
    const docs = (await s.http().get(`/api/cases/${caseA}/documents`).set(await as('auditor')).expect(200)).body as { ownerType: string; sha256: string }[];
    expect(docs.filter((d) => d.ownerType === 'roadmap_version' && d.sha256 === sha256(pdf))).toHaveLength(2);
    const trail = (await s.http().get(`/api/cases/${caseA}/audit?limit=200`).set(await as('auditor')).expect(200)).body.items;
    expect(trail.find((e: { action: string }) => e.action === 'roadmap.submitted').documentHashes).toEqual([submitted.body.sha256, sha256(pdf)]);
    const late = await upload('doc-rep-a', `/cases/${caseA}/roadmap/versions/${submitted.body.version}/documents`, { bytes: minimalPdf('Te laat'), name: 'laat.pdf', type: 'application/pdf' });
    expect(late.status).toBe(409);
  });

  it('documents the routes in OpenAPI, uploads as multipart/form-data', async () => {
    const docs = (await s.http().get('/api/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining([
      '/api/cases/{id}/roadmap/versions/{version}/documents',
      '/api/advice-requests/{id}/documents',
      '/api/cases/{id}/documents',
      '/api/documents/{id}',
    ]));
    const body = docs.paths['/api/cases/{id}/roadmap/versions/{version}/documents'].post.requestBody.content['multipart/form-data'].schema;
    expect(body).toMatchObject({ required: ['file'], properties: { file: { type: 'string', format: 'binary' } } });
    expect(Object.keys(docs.paths['/api/cases/{id}/roadmap/versions/{version}/documents'].post.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
  });
});

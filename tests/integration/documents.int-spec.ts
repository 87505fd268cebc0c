import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AuditService } from '@cluster/audit';
import { CaseCommandsService } from '@cluster/cases';
import { DocumentsService, LocalFolderStorage, storageKeyFor, type DocumentStorage } from '@cluster/documents';
import type { Actor } from '@cluster/domain';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { actor, caseDetails, meta, roadmap } from '../support/fixtures';
import { minimalPdf, windowsExecutable } from '../support/documents';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MAX_BYTES = 64 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('documents on PostgreSQL and a local folder', () => {
  let t: TestDatabase;
  let audit: AuditService;
  let commands: CaseCommandsService;
  let root: string;
  let storage: LocalFolderStorage;
  let documents: DocumentsService;
  let rep: Actor;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditService(t.db);
    commands = new CaseCommandsService(t.db, audit);
    root = await mkdtemp(join(tmpdir(), 'documents-int-'));
    storage = new LocalFolderStorage(root);
    documents = new DocumentsService(t.db, audit, storage, { maxBytes: MAX_BYTES });
    rep = actor('handler');
  });
  afterAll(async () => {
    await t?.drop();
    await rm(root, { recursive: true, force: true });
  });

  /** A case in roadmap drafting with `drafts` draft versions; returns the case and the version rows. */
  async function draftingCase(drafts = 1) {
    const caseId = randomUUID();
    const ctx = (key: string) => ({ meta: meta('handler'), workflowId: `case-${caseId}`, idempotencyKey: `${key}-${caseId}` });
    await commands.registerCase(caseId, caseDetails(), ctx('reg'));
    for (let i = 0; i < drafts; i++) await commands.saveRoadmapDraft(caseId, roadmap({ horizonYear: 2030 + i }), ctx(`draft-${i}`));
    const versions = await Promise.all(Array.from({ length: drafts }, (_, i) => documents.roadmapVersion(caseId, i + 1)));
    return { caseId, versions, ctx };
  }

  const pdfUpload = (text = 'Bijlage') => ({ originalName: 'Bijlage – België.pdf', mediaType: 'application/pdf', buffer: minimalPdf(text) });

  it('stores a PDF by its SHA-256, records it and its audit event in one go, and streams it back', async () => {
    const { caseId, versions } = await draftingCase();
    const file = pdfUpload();
    const stored = await documents.store(caseId, 'roadmap_version', versions[0]!.id, file, rep, { reason: 'Financieel plan', requestId: 'req-doc-1' });

    expect(stored.created).toBe(true);
    expect(stored.document).toMatchObject({
      caseId, ownerType: 'roadmap_version', ownerId: versions[0]!.id, fileName: 'Bijlage – België.pdf',
      mediaType: 'application/pdf', sizeBytes: file.buffer.length, sha256: sha256(file.buffer), storageKey: storageKeyFor(sha256(file.buffer)),
    });
    expect(await readFile(storage.pathOf(stored.document.storageKey))).toEqual(file.buffer);

    const opened = await documents.open(stored.document.id);
    expect(opened.document).toEqual(stored.document);
    expect(sha256(await readAll(opened.stream))).toBe(sha256(file.buffer));
    expect(await documents.list('roadmap_version', versions[0]!.id)).toEqual([stored.document]);

    const trail = await audit.listCase(caseId, 50, 0);
    const event = trail.items.at(-1)!;
    expect(event).toMatchObject({
      action: 'document.attached',
      actorId: rep.userId,
      actorRole: 'case_handler',
      reason: 'Financieel plan',
      requestId: 'req-doc-1',
      documentHashes: [sha256(file.buffer)],
      payload: {
        documentId: stored.document.id, ownerType: 'roadmap_version', ownerId: versions[0]!.id, roadmapVersion: 1,
        fileName: 'Bijlage – België.pdf', mediaType: 'application/pdf', sha256: sha256(file.buffer), size: file.buffer.length,
      },
    });
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true, checked: trail.total });
  });

  it('stores identical content once: the same owner gets its first row back, another owner a row on the same bytes', async () => {
    const { caseId, versions } = await draftingCase(2);
    const file = pdfUpload('Zelfde inhoud');
    const before = (await filesUnder(root)).length;

    const first = await documents.store(caseId, 'roadmap_version', versions[0]!.id, file, rep);
    const again = await documents.store(caseId, 'roadmap_version', versions[0]!.id, { ...file, originalName: 'kopie.pdf' }, rep);
    const elsewhere = await documents.store(caseId, 'roadmap_version', versions[1]!.id, file, rep);

    expect(again).toEqual({ document: first.document, created: false });
    expect(elsewhere.created).toBe(true);
    expect(elsewhere.document.id).not.toBe(first.document.id);
    expect(elsewhere.document.storageKey).toBe(first.document.storageKey);
    expect(await filesUnder(root)).toHaveLength(before + 1);
    const attached = (await audit.listCase(caseId, 50, 0)).items.filter((e) => e.action === 'document.attached');
    expect(attached.map((e) => e.payload.ownerId)).toEqual([versions[0]!.id, versions[1]!.id]);
  });

  it('records concurrent uploads of the same bytes to one owner once', async () => {
    const { caseId, versions } = await draftingCase();
    const file = pdfUpload('Gelijktijdig');
    const results = await Promise.all(Array.from({ length: 5 }, () => documents.store(caseId, 'roadmap_version', versions[0]!.id, file, rep)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.document.id)).size).toBe(1);
    expect(await documents.list('roadmap_version', versions[0]!.id)).toHaveLength(1);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });

  it('refuses a renamed executable and a text file with 415, and writes nothing anywhere', async () => {
    const { caseId, versions } = await draftingCase();
    const exe = windowsExecutable();
    const eventsBefore = (await audit.listCase(caseId, 50, 0)).total;

    await expect(documents.store(caseId, 'roadmap_version', versions[0]!.id, { originalName: 'roadmap.pdf', mediaType: 'application/pdf', buffer: exe }, rep))
      .rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/not a PDF/) });
    await expect(documents.store(caseId, 'roadmap_version', versions[0]!.id, { originalName: 'setup.exe', mediaType: 'application/octet-stream', buffer: exe }, rep))
      .rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(documents.store(caseId, 'roadmap_version', versions[0]!.id, { originalName: 'notes.txt', mediaType: 'text/plain', buffer: Buffer.from('hallo') }, rep))
      .rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });

    expect(await storage.exists(storageKeyFor(sha256(exe)))).toBe(false);
    expect(await documents.list('roadmap_version', versions[0]!.id)).toEqual([]);
    expect((await audit.listCase(caseId, 50, 0)).total).toBe(eventsBefore);
  });

  it('refuses an empty file (400) and one over the limit (413)', async () => {
    const { caseId, versions } = await draftingCase();
    await expect(documents.store(caseId, 'roadmap_version', versions[0]!.id, { ...pdfUpload(), buffer: Buffer.alloc(0) }, rep))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [expect.objectContaining({ field: 'file' })] });
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(MAX_BYTES)]);
    await expect(documents.store(caseId, 'roadmap_version', versions[0]!.id, { ...pdfUpload(), buffer: big }, rep))
      .rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('attaches to drafts only: a submitted version is frozen, and nothing is attached after drafting', async () => {
    const { caseId, versions, ctx } = await draftingCase();
    await commands.submitRoadmap(caseId, ctx('submit'));
    const frozen = await documents.roadmapVersion(caseId, 2);
    expect(frozen.kind).toBe('submitted');

    await expect(documents.store(caseId, 'roadmap_version', frozen.id, pdfUpload('Te laat'), rep)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(documents.store(caseId, 'roadmap_version', versions[0]!.id, pdfUpload('Te laat'), rep)).rejects.toMatchObject({ code: 'STAGE_CONFLICT' });
    expect(await storage.exists(storageKeyFor(sha256(minimalPdf('Te laat'))))).toBe(false);
    await expect(documents.roadmapVersion(caseId, 9)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an owner that belongs to another case', async () => {
    const a = await draftingCase();
    const b = await draftingCase();
    await expect(documents.store(a.caseId, 'roadmap_version', b.versions[0]!.id, pdfUpload(), rep)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(documents.store(randomUUID(), 'roadmap_version', b.versions[0]!.id, pdfUpload(), rep)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('attaches to an open advice request within its term, and not after', async () => {
    const { caseId } = await draftingCase();
    const council: Actor = { ...actor('council-ri'), role: 'council_member' };
    const request = async (dueInMs: number, status = 'open') => {
      const id = randomUUID();
      await t.sql(t.ownerUrl, `
        INSERT INTO advice_requests (id, case_id, round, council_code, roadmap_version, requested_at, due_at, status)
        VALUES ($1, $2, (SELECT coalesce(max(round), 0) + 1 FROM advice_requests WHERE case_id = $2), 'RI', 1, now() - interval '1 day', now() + $3::int * interval '1 millisecond', $4)`,
        [id, caseId, dueInMs, status]);
      return id;
    };
    const open = await request(86_400_000);
    const stored = await documents.store(caseId, 'advice_request', open, { originalName: 'advies.pdf', mediaType: 'application/pdf', buffer: minimalPdf('Advies RI') }, council);
    expect(stored.document).toMatchObject({ ownerType: 'advice_request', ownerId: open, uploadedBy: council.userId });
    const event = (await audit.listCase(caseId, 50, 0)).items.at(-1)!;
    expect(event).toMatchObject({ action: 'document.attached', actorRole: 'council_member', payload: expect.objectContaining({ councilCode: 'RI', ownerId: open }) });

    const late = await request(-60_000);
    await expect(documents.store(caseId, 'advice_request', late, pdfUpload(), council)).rejects.toMatchObject({ code: 'STAGE_CONFLICT' });
    const lapsed = await request(86_400_000, 'lapsed');
    await expect(documents.store(caseId, 'advice_request', lapsed, pdfUpload(), council)).rejects.toMatchObject({ code: 'STAGE_CONFLICT' });
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });

  it('writes no record when the bytes cannot be stored', async () => {
    const { caseId, versions } = await draftingCase();
    const broken: DocumentStorage = {
      kind: 'broken',
      put: () => Promise.reject(new Error('disk full')),
      get: () => Promise.reject(new Error('unreachable')),
      exists: () => Promise.resolve(false),
    };
    const failing = new DocumentsService(t.db, audit, broken, { maxBytes: MAX_BYTES });
    const before = (await audit.listCase(caseId, 50, 0)).total;
    await expect(failing.store(caseId, 'roadmap_version', versions[0]!.id, pdfUpload('Schijf vol'), rep)).rejects.toThrow('disk full');
    expect(await documents.list('roadmap_version', versions[0]!.id)).toEqual([]);
    expect((await audit.listCase(caseId, 50, 0)).total).toBe(before);
  });

  it('leaves only whole files in the store: writes go through a temporary file and a rename', async () => {
    const files = await filesUnder(root);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const file of files) expect(sha256(await readFile(file))).toBe(file.split('/').at(-1));
  });

  it('keeps the documents table append-only, whoever the client is', async () => {
    const [row] = await t.sql<{ id: string }>(t.ownerUrl, 'SELECT id FROM documents LIMIT 1');
    for (const url of [t.appUrl, t.ownerUrl]) {
      await expect(t.sql(url, `UPDATE documents SET file_name = 'x.pdf' WHERE id = $1`, [row!.id])).rejects.toThrow(/append-only|permission denied/);
      await expect(t.sql(url, 'DELETE FROM documents WHERE id = $1', [row!.id])).rejects.toThrow(/append-only|permission denied/);
    }
    await expect(t.sql(t.appUrl, 'TRUNCATE documents')).rejects.toThrow(/append-only|permission denied/);
    await expect(t.sql(t.ownerUrl, `INSERT INTO documents SELECT gen_random_uuid(), case_id, owner_type, owner_id, file_name, media_type, size_bytes, 'not-a-hash', storage_key, uploaded_by, uploaded_at FROM documents LIMIT 1`))
      .rejects.toThrow(/check constraint/);
  });
});

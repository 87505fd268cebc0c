import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { AuditService } from '@cluster/audit';
import { CaseCommandsService } from '@cluster/cases';
import { loadConfig } from '@cluster/config';
import { createDocumentStorage, DocumentContentMissingError, DocumentsService, S3Storage, storageKeyFor } from '@cluster/documents';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { actor, caseDetails, meta, roadmap } from '../support/fixtures';
import { minimalPdf } from '../support/documents';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The S3 adapter against s3rver, an S3-compatible server speaking the S3 REST protocol over HTTP
 * on the loopback interface (SigV4-signed requests, real HTTP bodies): it exercises the SDK end to
 * end. It is an emulator, not AWS or MinIO; see the README for what it does not prove.
 */
describe('S3 document storage (S3-compatible server on loopback)', () => {
  const BUCKET = 'cluster-documents';
  let server: S3rver;
  let dir: string;
  let endpoint: string;
  let storage: S3Storage;

  const settings = (over: Partial<ConstructorParameters<typeof S3Storage>[0]> = {}) => ({
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    ...over,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    storage = new S3Storage(settings());
  });
  afterAll(async () => {
    storage?.onModuleDestroy();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, finds and streams back a buffer under its content key', async () => {
    const bytes = minimalPdf('In de emmer');
    const key = storageKeyFor(sha256(bytes));
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, bytes, bytes.length);
    expect(await storage.exists(key)).toBe(true);
    expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(bytes));
  });

  it('stores a streamed body byte for byte (no checksum framing ends up in the object)', async () => {
    const bytes = Buffer.alloc(200 * 1024, 0x41);
    const key = storageKeyFor(sha256(bytes));
    await storage.put(key, Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]), bytes.length);
    expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(bytes));
  });

  it('does not upload content that is there already', async () => {
    const bytes = minimalPdf('Eenmaal');
    const key = storageKeyFor(sha256(bytes));
    await storage.put(key, bytes, bytes.length);
    const sent: string[] = [];
    const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: settings().credentials });
    client.middlewareStack.add((next, context) => (args) => {
      sent.push(context.commandName ?? '?');
      return next(args);
    }, { step: 'initialize', name: 'recordCommands' });
    await new S3Storage(settings(), client).put(key, bytes, bytes.length);
    client.destroy();
    expect(sent).toEqual(['HeadObjectCommand']);
  });

  it('reports missing content, and an unreachable store as a 503-class outage', async () => {
    const key = storageKeyFor('0'.repeat(64));
    await expect(storage.get(key)).rejects.toBeInstanceOf(DocumentContentMissingError);
    const down = new S3Storage(settings({ endpoint: 'http://127.0.0.1:9' }));
    await expect(down.exists(key)).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    down.onModuleDestroy();
  });

  it('is chosen by S3_BUCKET, and DocumentsService stores and opens documents through it', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    const configured = createDocumentStorage(config);
    expect(configured).toBeInstanceOf(S3Storage);

    const t: TestDatabase = await createTestDatabase();
    try {
      const audit = new AuditService(t.db);
      const commands = new CaseCommandsService(t.db, audit);
      const caseId = '6f1b1c52-9d1e-4d7a-8a52-2f6a3d0c1e01';
      const ctx = (key: string) => ({ meta: meta('handler'), workflowId: `case-${caseId}`, idempotencyKey: key });
      await commands.registerCase(caseId, caseDetails(), ctx('reg'));
      await commands.saveRoadmapDraft(caseId, roadmap(), ctx('draft'));
      const documents = new DocumentsService(t.db, audit, configured, { maxBytes: 1024 * 1024 });
      const version = await documents.roadmapVersion(caseId, 1);
      const bytes = minimalPdf('Via S3');
      const stored = await documents.store(caseId, 'roadmap_version', version.id, { originalName: 'via-s3.pdf', mediaType: 'application/pdf', buffer: bytes }, actor('handler'));
      expect(await configured.exists(stored.document.storageKey)).toBe(true);
      const opened = await documents.open(stored.document.id);
      expect((await readAll(opened.stream)).equals(bytes)).toBe(true);
      expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
    } finally {
      (configured as S3Storage).onModuleDestroy();
      await t.drop();
    }
  });
});

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DocumentContentMissingError, storageKeyFor } from './document-storage';
import { LocalFolderStorage } from './local-folder-storage';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalFolderStorage', () => {
  let root: string;
  let storage: LocalFolderStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'documents-'));
    storage = new LocalFolderStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores under a key sharded by the SHA-256 and streams the bytes back', async () => {
    const bytes = Buffer.from('%PDF-1.7 inhoud');
    const key = storageKeyFor(sha(bytes));
    expect(key).toBe(`sha256/${sha(bytes).slice(0, 2)}/${sha(bytes).slice(2, 4)}/${sha(bytes)}`);
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, bytes, bytes.length);
    expect(await storage.exists(key)).toBe(true);
    expect(await filesUnder(root)).toEqual([join(root, 'sha256', sha(bytes).slice(0, 2), sha(bytes).slice(2, 4), sha(bytes))]);
    expect(await readAll(await storage.get(key))).toEqual(bytes);
  });

  it('stores identical content once, also when written concurrently', async () => {
    const bytes = Buffer.alloc(256 * 1024, 7);
    const key = storageKeyFor(sha(bytes));
    await Promise.all(Array.from({ length: 6 }, () => storage.put(key, bytes, bytes.length)));
    const first = await stat(storage.pathOf(key));
    await storage.put(key, Readable.from([bytes]), bytes.length);
    expect((await stat(storage.pathOf(key))).mtimeMs).toBe(first.mtimeMs);
    expect(await filesUnder(root)).toHaveLength(1);
    expect(sha(await readFile(storage.pathOf(key)))).toBe(sha(bytes));
  });

  it('never leaves part of a file under the key when a write fails midway', async () => {
    const key = storageKeyFor(sha(Buffer.from('never complete')));
    async function* failing() {
      yield Buffer.alloc(64 * 1024, 1);
      throw new Error('connection reset by peer');
    }
    await expect(storage.put(key, Readable.from(failing()), 128 * 1024)).rejects.toThrow('connection reset');
    expect(await storage.exists(key)).toBe(false);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('ignores a temporary file left by a crash, and a later write completes', async () => {
    const bytes = Buffer.from('na de crash');
    const key = storageKeyFor(sha(bytes));
    // What a process killed between writing and renaming leaves behind.
    const folder = join(storage.pathOf(key), '..');
    await mkdir(folder, { recursive: true });
    const leftover = join(folder, `.${sha(bytes)}.deadbeef0000.tmp`);
    await writeFile(leftover, bytes.subarray(0, 3));
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(DocumentContentMissingError);

    await storage.put(key, bytes, bytes.length);
    expect(await readAll(await storage.get(key))).toEqual(bytes);
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'A/B', 'a//b', '']) {
      await expect(storage.put(key, Buffer.from('x'), 1)).rejects.toThrow(/Unsafe storage key/);
    }
  });
});

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { assertSafeKey, DocumentContentMissingError, type DocumentStorage } from './document-storage';

/** `<repo>/.data/documents`, next to the embedded PostgreSQL's data (gitignored). */
export const DEFAULT_DOCUMENTS_DIR = resolve(__dirname, '..', '..', '..', '.data', 'documents');

/** Temporary files are hidden and end in `.tmp`; nothing reads them as content. */
const TEMP_SUFFIX = '.tmp';

/**
 * Documents in a local folder. A write goes to a temporary file in the target's own folder, is
 * flushed to disk, and is then renamed onto the key: rename is atomic within a file system, so a
 * reader (or a restart after a crash) sees the whole file or no file, never half of one.
 */
export class LocalFolderStorage implements DocumentStorage {
  readonly kind = 'local';
  readonly root: string;

  constructor(root: string = DEFAULT_DOCUMENTS_DIR) {
    this.root = resolve(root);
  }

  pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.root, ...key.split('/'));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async put(key: string, body: Buffer | Readable, _size: number): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) {
      if (!Buffer.isBuffer(body)) body.resume();
      return;
    }
    const folder = dirname(target);
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        if (Buffer.isBuffer(body)) {
          await file.writeFile(body);
        } else {
          for await (const chunk of body) await file.write(chunk as Buffer);
        }
        await file.sync();
      } finally {
        await file.close();
      }
      // Two writers of the same content may race here: either rename wins, the bytes are equal.
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncFolder(folder);
  }

  async get(key: string): Promise<Readable> {
    // Opened before returning, so a missing file is an error here and not in the middle of a response.
    try {
      const file = await open(this.pathOf(key), 'r');
      return file.createReadStream();
    } catch (error) {
      if (isNotFound(error)) throw new DocumentContentMissingError(key);
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Makes the rename itself durable (the folder's entry), where the platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported on every platform (e.g. Windows); the rename is atomic regardless.
  }
}

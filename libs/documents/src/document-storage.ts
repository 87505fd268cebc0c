import type { Readable } from 'node:stream';

/** Where document bytes live. Keys come from `storageKeyFor`, so equal content has one key. */
export interface DocumentStorage {
  /** "local" or "s3": shown by health and logs, never used to branch. */
  readonly kind: string;
  /**
   * Stores the bytes under `key` unless they are there already. The object appears whole or not
   * at all: a crash or a failed upload never leaves part of a file under the key.
   */
  put(key: string, body: Buffer | Readable, size: number): Promise<void>;
  /** The bytes under `key` as a stream; fails with DocumentContentMissingError when absent. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

/** Nest injection token of the configured DocumentStorage. */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SAFE_KEY = /^[a-z0-9]+(?:\/[a-z0-9]+)*$/;

/**
 * Content-addressed key: `sha256/ab/cd/abcd…`. Two levels of sharding keep folders (and S3
 * prefixes) small; identical bytes map to one key, so they are stored once.
 */
export function storageKeyFor(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 in hex: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Keys are ours, but a key is a path on disk: refuse anything that could leave the root. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
}

/** A recorded document whose bytes are not in the store: an operations problem, never the client's. */
export class DocumentContentMissingError extends Error {
  constructor(readonly key: string) {
    super(`The document store has no content under ${key}`);
    this.name = 'DocumentContentMissingError';
  }
}

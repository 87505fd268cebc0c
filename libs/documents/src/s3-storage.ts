import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { DomainError } from '@cluster/domain';
import { assertSafeKey, DocumentContentMissingError, type DocumentStorage } from './document-storage';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph RGW, ...); absent for AWS S3. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Static credentials; absent: the SDK's default provider chain (e.g. an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Documents in an S3 bucket. An object becomes visible only once its upload completed, so a
 * crash mid-upload leaves nothing under the key.
 */
export class S3Storage implements DocumentStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3StorageSettings,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        region: settings.region,
        forcePathStyle: settings.forcePathStyle,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        // Since 2025 the SDK adds CRC checksums by default, as aws-chunked trailers for streamed
        // bodies; S3-compatible servers that do not know them store the chunk framing as content.
        ...(settings.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
      });
  }

  async exists(key: string): Promise<boolean> {
    assertSafeKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw unavailable(error);
    }
  }

  async put(key: string, body: Buffer | Readable, size: number): Promise<void> {
    if (await this.exists(key)) {
      if (!Buffer.isBuffer(body)) body.resume();
      return;
    }
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: key,
          Body: body,
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    } catch (error) {
      throw unavailable(error);
    }
  }

  async get(key: string): Promise<Readable> {
    assertSafeKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      // In Node.js the SDK's body is an http.IncomingMessage (a Readable).
      return out.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new DocumentContentMissingError(key);
      throw unavailable(error);
    }
  }

  /** Closes the client's sockets (Nest calls this on shutdown). */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata?.httpStatusCode === 404;
  }
  return false;
}

/** A store that cannot be reached is an outage (503, retry), not the client's fault. */
function unavailable(error: unknown): unknown {
  if (error instanceof S3ServiceException && (error.$metadata?.httpStatusCode ?? 500) < 500) return error;
  // The cause stays on the error for the log; the client sees only the code and message.
  return Object.assign(new DomainError('DEPENDENCY_UNAVAILABLE', 'De documentopslag is niet bereikbaar; probeer het zo dadelijk opnieuw. / The document store is not available; try again shortly.'), { cause: error });
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { access, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { SigningKeyInfo } from './bundle-format';

/** `<repo>/.data/keys/audit-ed25519.pem`, next to the embedded database (gitignored). */
export const DEFAULT_SIGNING_KEY_FILE = resolve(__dirname, '..', '..', '..', '..', '.data', 'keys', 'audit-ed25519.pem');

/** SHA-256 (hex) of the 32 raw bytes of an Ed25519 public key. */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(Buffer.from(x!, 'base64url')).digest('hex');
}

/** The public half as a bundle header and `GET /api/audit/signing-key` show it. */
export function signingKeyInfo(publicKey: KeyObject): SigningKeyInfo {
  return {
    algorithm: 'Ed25519',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

/** Parses a PEM public key (or the public half of a private one); null unless it is Ed25519. */
export function ed25519PublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function verifyEd25519(publicKey: KeyObject, data: Buffer, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  // Ed25519 signatures are 64 bytes; anything else (or text that is not base64) is not one.
  if (signature.length !== 64 || signature.toString('base64') !== signatureBase64) return false;
  return verify(null, data, publicKey, signature);
}

/** The server's evidence-signing key: signs bundles, and shows only its public half. */
export class EvidenceSigningKey {
  readonly info: SigningKeyInfo;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('The evidence signing key must be an Ed25519 private key.');
    }
    this.info = signingKeyInfo(createPublicKey(privateKey));
  }

  /** Base64 Ed25519 signature. */
  sign(data: Buffer): string {
    return sign(null, data, this.privateKey).toString('base64');
  }

  static generate(): EvidenceSigningKey {
    return new EvidenceSigningKey(generateKeyPairSync('ed25519').privateKey);
  }

  static fromPem(pem: string, source = 'the key'): EvidenceSigningKey {
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch (error) {
      throw new Error(`${source} is not a PEM private key (${(error as Error).message}).`);
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new Error(`${source} holds a ${key.asymmetricKeyType ?? 'unknown'} key; an Ed25519 private key (PKCS#8 PEM) is needed.`);
    }
    return new EvidenceSigningKey(key);
  }
}

/**
 * The configured key file (AUDIT_SIGNING_KEY_FILE), which must exist; or, when none is configured,
 * the default file, generated on first use. A generated key is written to a temporary file and
 * hard-linked into place, so processes starting together (API, tests) all end up with one key.
 */
export async function loadEvidenceSigningKey(configuredFile?: string, defaultFile = DEFAULT_SIGNING_KEY_FILE): Promise<EvidenceSigningKey> {
  const file = configuredFile ?? defaultFile;
  if (!configuredFile) await createKeyFileIfMissing(file);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`AUDIT_SIGNING_KEY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return EvidenceSigningKey.fromPem(pem, `AUDIT_SIGNING_KEY_FILE: ${file}`);
}

async function createKeyFileIfMissing(file: string): Promise<void> {
  if (await access(file).then(() => true, () => false)) return;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceSigningKey, loadEvidenceSigningKey, publicKeyFingerprint } from './signing-key';

describe('evidence signing key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signing-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('generates the default key once, mode 0600, even when processes start together', async () => {
    const file = join(dir, 'keys', 'audit-ed25519.pem');
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadEvidenceSigningKey(undefined, file)));
    expect(new Set(keys.map((k) => k.info.fingerprint)).size).toBe(1);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await loadEvidenceSigningKey(undefined, file)).info.fingerprint).toBe(keys[0]!.info.fingerprint);
  });

  it('loads a configured PKCS#8 file; the fingerprint is the SHA-256 of the raw public key', async () => {
    const file = join(dir, 'server.pem');
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const key = await loadEvidenceSigningKey(file);
    expect(key.info.fingerprint).toBe(publicKeyFingerprint(createPublicKey(privateKey)));
    expect(key.info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const data = Buffer.from('gegevens');
    expect(verify(null, data, createPublicKey(key.info.publicKeyPem), Buffer.from(key.sign(data), 'base64'))).toBe(true);
  });

  it('names AUDIT_SIGNING_KEY_FILE when the configured file is missing or holds another kind of key', async () => {
    await expect(loadEvidenceSigningKey(join(dir, 'missing.pem'))).rejects.toThrow(/AUDIT_SIGNING_KEY_FILE: cannot read .*ENOENT/);
    const rsa = join(dir, 'rsa.pem');
    await writeFile(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(loadEvidenceSigningKey(rsa)).rejects.toThrow(/AUDIT_SIGNING_KEY_FILE: .* holds a rsa key; an Ed25519 private key/);
    await writeFile(rsa, 'no key');
    await expect(loadEvidenceSigningKey(rsa)).rejects.toThrow(/is not a PEM private key/);
  });

  it('never shows the private half', () => {
    const key = EvidenceSigningKey.generate();
    expect(JSON.stringify(key.info)).not.toMatch(/PRIVATE/);
    expect(key.info.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});

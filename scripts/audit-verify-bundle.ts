/**
 * `npm run audit:verify-bundle -- <file> [--public-key <pem file> | --fingerprint <hex>] [--json]`
 *
 * Checks a case's evidence bundle (GET /api/cases/:id/audit/export) offline: no database, no
 * server. It streams the file line by line, recomputes every event's hash and the chain, checks the
 * counts, the chain head, the SHA-256 of the bundle and its Ed25519 signature. With --public-key or
 * --fingerprint (from GET /api/audit/signing-key) the signer must be that key; without, the key is
 * only the one the bundle names itself, and a warning says so.
 *
 * Exit code 0: valid. 1: not valid (the first problem is named: line, seq, what). 2: usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ed25519PublicKey, publicKeyFingerprint, verifyEvidenceBundleFile, type BundleVerification } from '@cluster/audit';

const USAGE = 'usage: npm run audit:verify-bundle -- <file> [--public-key <pem file> | --fingerprint <hex>] [--json]';

class UsageError extends Error {}

function pinnedFingerprint(values: { 'public-key'?: string; fingerprint?: string }): string | undefined {
  if (values['public-key'] && values.fingerprint) throw new UsageError('give --public-key or --fingerprint, not both');
  if (values['public-key']) {
    const file = values['public-key'];
    if (!existsSync(file)) throw new UsageError(`--public-key: no file ${file}`);
    const key = ed25519PublicKey(readFileSync(file, 'utf8'));
    if (!key) throw new UsageError(`--public-key: ${file} is not an Ed25519 key in PEM`);
    return publicKeyFingerprint(key);
  }
  if (values.fingerprint !== undefined) {
    // Accept the hex as shown anywhere: upper case, or in pairs separated by colons or spaces.
    const hex = values.fingerprint.replace(/[:\s]/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new UsageError('--fingerprint: expected 64 hexadecimal digits (SHA-256)');
    return hex;
  }
  return undefined;
}

function report(file: string, r: BundleVerification): void {
  if (r.ok) {
    console.log(`GELDIG: de bewijsbundel is intact en ondertekend door de sleutel ${r.signingKey!.fingerprint}${r.keyPinned ? ' (de opgegeven sleutel)' : ''}.`);
    console.log(`VALID: the evidence bundle is intact and signed by key ${r.signingKey!.fingerprint}${r.keyPinned ? ' (the key given)' : ''}.`);
    console.log(`  case ${r.caseId} (${r.clusterName}), exported ${r.exportedAt}`);
    console.log(`  ${r.events} event(s), chain head seq ${r.chainHead!.seq} ${r.chainHead!.hash}, ${r.documents} document(s)`);
  } else {
    const p = r.problem!;
    const where = `regel/line ${p.line}${p.seq !== null ? `, seq ${p.seq}` : ''}`;
    console.log(`NIET GELDIG (${where}): ${p.message.nl}.`);
    console.log(`NOT VALID (${where}): ${p.message.en}.`);
    console.log(`  file ${file}; problem code ${p.code}`);
  }
  for (const w of r.warnings) {
    console.log(`waarschuwing: ${w.nl}.`);
    console.log(`warning: ${w.en}.`);
  }
}

async function main(): Promise<number> {
  let file: string;
  let pinned: string | undefined;
  let json: boolean;
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { 'public-key': { type: 'string' }, fingerprint: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one bundle file');
    file = positionals[0]!;
    if (!existsSync(file)) throw new UsageError(`no file ${file}`);
    pinned = pinnedFingerprint(values);
    json = values.json ?? false;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const result = await verifyEvidenceBundleFile(file, { pinnedFingerprint: pinned });
  if (json) console.log(JSON.stringify(result, null, 2));
  else report(file, result);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);

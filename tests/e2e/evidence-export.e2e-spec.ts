import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Response } from 'superagent';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';
import { minimalPdf } from '../support/documents';

const ROOT = resolve(__dirname, '..', '..');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The real offline verifier, as an auditor runs it: a separate process with no database settings. */
function verifyOffline(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/audit-verify-bundle.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.base.json' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 2) : 0, stdout: stdout + stderr }),
    );
  });
}

/** Evidence export over HTTP: a case driven partway, exported as an auditor, verified by the CLI. */
describe('evidence export over HTTP', () => {
  let s: HttpStack;
  let dir: string;
  let keyFile: string;
  let caseA: string;
  let caseB: string;
  let bundleFile: string;
  let fingerprint: string;
  const pdf = minimalPdf('Financieel plan');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-e2e-'));
    keyFile = join(dir, 'server-key.pem');
    await writeFile(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    s = await startHttpStack({ AUDIT_SIGNING_KEY_FILE: keyFile, DOCUMENTS_DIR: join(dir, 'documents') });
  });
  afterAll(async () => {
    await s?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const post = async (subject: string, path: string, body: object = {}) => s.http().post(`/api${path}`).set(await as(subject)).send(body);
  const download = async (subject: string, path: string) => s.http().get(`/api${path}`).set(await as(subject)).buffer(true).parse(binary);
  const chainLength = async (caseId: string) =>
    Number((await s.db.sql<{ n: string }>(s.db.adminUrl, 'SELECT count(*) AS n FROM audit_events WHERE stream = $1', [`case:${caseId}`]))[0]!.n);

  it('drives a case partway: roadmap with an attachment, submitted, assessors assigned', async () => {
    const open = async (clusterName: string) =>
      (await post('handler', '/cases', { clusterName, domain: 'Chemie', leadActors: ['Catalisti vzw'], partners: [], accountManagerId: demoUser('handler').id })).body.id as string;
    caseA = await open('Duurzame chemie, "circulair"');
    caseB = await open('Blauwe economie');
    for (const [subject, caseId] of [['ev-rep-a', caseA], ['ev-rep-b', caseB]] as const) {
      expect((await post('admin', '/users', { subject, displayName: subject, email: `${subject}@example.be`, organisation: 'Cluster', roles: ['cluster_representative'], caseIds: [caseId], reason: 'Nieuwe gebruiker in de test' })).status).toBe(201);
    }
    expect((await post('ev-rep-a', `/cases/${caseA}/roadmap/drafts`, { ...roadmap(), reason: '=HYPERLINK("x") eerste versie, met komma' })).status).toBe(201);
    const attached = await s.http().post(`/api/cases/${caseA}/roadmap/versions/1/documents`).set(await as('ev-rep-a'))
      .attach('file', pdf, { filename: 'plan.pdf', contentType: 'application/pdf' });
    expect(attached.status).toBe(201);
    expect((await post('ev-rep-a', `/cases/${caseA}/roadmap/submit`)).status).toBe(200);
    expect((await post('handler', `/cases/${caseA}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] })).status).toBe(200);
  });

  it('shows the signing key to any signed-in user, with the fingerprint of the configured key', async () => {
    const res = await s.http().get('/api/audit/signing-key').set(await as('ev-rep-a')).expect(200);
    expect(res.body).toEqual({ algorithm: 'Ed25519', publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    fingerprint = res.body.fingerprint;
    await s.http().get('/api/audit/signing-key').expect(401);
  });

  it('exports the bundle as an auditor; the offline verifier accepts it against the pinned key', async () => {
    const before = await chainLength(caseA);
    const res = await download('auditor', `/cases/${caseA}/audit/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="case-${caseA}-evidence.jsonl"`);
    const lines = (res.body as Buffer).toString('utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'header', caseId: caseA, clusterName: 'Duurzame chemie, "circulair"', exportedBy: { role: 'auditor' }, signingKey: { fingerprint } });
    const events = lines.filter((l) => l.type === 'event');
    expect(events).toHaveLength(before);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before }, (_, i) => i + 1));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['case.created', 'roadmap.submitted']));
    const documents = lines.filter((l) => l.type === 'document');
    // The draft's attachment is carried over to the submitted version: one row per version, same bytes.
    expect(documents.map((d) => d.kind)).toEqual(['policy_version', 'roadmap_version', 'roadmap_version', 'attachment', 'attachment']);
    expect(documents.filter((d) => d.kind === 'attachment')).toEqual([1, 2].map(() => expect.objectContaining({ sha256: sha256(pdf), fileName: 'plan.pdf' })));
    expect(lines.at(-1)).toMatchObject({ type: 'signature', events: before, chainHead: { seq: before, hash: events.at(-1).hash } });
    // Exporting writes no audit event: the chain it exported is unchanged.
    expect(await chainLength(caseA)).toBe(before);

    bundleFile = join(dir, 'bundle.jsonl');
    await writeFile(bundleFile, res.body as Buffer);
    const verified = await verifyOffline(bundleFile, '--fingerprint', fingerprint);
    expect(verified.stdout).toMatch(/^GELDIG: .*\nVALID: the evidence bundle is intact/);
    expect(verified.code).toBe(0);
  });

  it('the verifier refuses the bundle once one byte is changed, naming the line', async () => {
    const bytes = await readFile(bundleFile);
    const text = bytes.toString('utf8');
    // One character inside the first event's payload: "Duurzame" becomes "Duurzamf".
    const at = text.indexOf('Duurzame', text.indexOf('\n')) + 7;
    bytes[at] = 'f'.charCodeAt(0);
    const tampered = join(dir, 'tampered.jsonl');
    await writeFile(tampered, bytes);
    const result = await verifyOffline(tampered);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NIET GELDIG \(regel\/line 2, seq 1\).*\nNOT VALID \(regel\/line 2, seq 1\): the hash does not match/);
  });

  it('refuses cluster representatives (even of the case itself), and 404 for an unknown case', async () => {
    expect((await download('ev-rep-b', `/cases/${caseA}/audit/export`)).status).toBe(403);
    expect((await download('ev-rep-a', `/cases/${caseA}/audit/export`)).status).toBe(403);
    expect((await download('ev-rep-b', `/cases/${caseA}/audit/export.csv`)).status).toBe(403);
    expect((await download('auditor', '/cases/7f1c1d2e-0000-4000-8000-000000000000/audit/export')).status).toBe(404);
    expect((await download('handler', `/cases/${caseB}/audit/export`)).status).toBe(200);
  });

  it('exports the timeline as CSV: BOM, header, one row per event, formulas defused', async () => {
    const res = await download('auditor', `/cases/${caseA}/audit/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFseq,occurredAt,action,actorName,actorRole,organisation,reason,documentHashes,hash,prevHash\r\n')).toBe(true);
    const rows = text.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(1 + (await chainLength(caseA)));
    expect(rows[1]).toMatch(/^1,\d{4}-\d\d-\d\dT[^,]+Z,case\.created,/);
    expect(text).toContain(`"'=HYPERLINK(""x"") eerste versie, met komma"`);
  });
});

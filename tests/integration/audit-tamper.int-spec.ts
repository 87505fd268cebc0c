import { execFile } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { AuditService, eventHash, type ChainedFields } from '@cluster/audit';
import { NativeConnection } from '@temporalio/worker';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { createTestWorker, HANDS_NO_HEAD, uniqueTaskQueue } from '../support/temporal';
import { driveToTrajectory, poll } from '../support/drive';

type Row = ChainedFields & { id: string; hash: string };

/**
 * Someone with superuser rights on the database changes the audit trail behind the
 * application's back, in many ways; verification names the first event that does not fit each
 * time. The chain's head kept by the case workflow (in Temporal, not in the database) catches
 * what the chain alone cannot: a deleted tail, a forged event at the end, a consistently
 * rewritten chain.
 */
describe('tampering with the audit trail directly in the database', () => {
  let s: HttpStack;
  let connection: Connection;
  let pg: PgClient;
  let caseId: string;
  let stream: string;
  let auditor: string;
  let snapshot: unknown;
  let n: number;

  // Asynchronously: the worker answering the workflow queries runs in this very process.
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'scripts/audit-verify.ts', ...args],
        {
          cwd: `${__dirname}/../..`,
          env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', DATABASE_URL: s.db.appUrl, TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE: 'default' },
          encoding: 'utf8',
          timeout: 60_000,
        },
        (_error, stdout) => resolve({ status: child.exitCode, stdout }),
      );
    });
  const verify = async () => (await s.http().get(`/api/cases/${caseId}/audit/verify`).set('Authorization', `Bearer ${auditor}`).expect(200)).body;
  const rows = async (): Promise<Row[]> =>
    (
      await pg.query(
        `SELECT id::text, stream, seq, case_id AS "caseId", occurred_at AS "occurredAt", actor_id AS "actorId", actor_name AS "actorName",
                actor_role AS "actorRole", organisation, action, reason, payload, document_hashes AS "documentHashes", request_id AS "requestId",
                workflow_id AS "workflowId", idempotency_key AS "idempotencyKey", prev_hash AS "prevHash", hash
           FROM audit_events WHERE stream = $1 ORDER BY seq`,
        [stream],
      )
    ).rows;
  /** A forged event that fits after `prev`, as an attacker who knows the hashing would write it. */
  const forged = (prev: Row, seq: number): Row => {
    const fields: ChainedFields = { ...prev, seq, occurredAt: new Date(prev.occurredAt.getTime() + 1000), action: 'decision.approved', payload: { forged: true }, idempotencyKey: null, requestId: null, prevHash: prev.hash };
    return { ...fields, id: '0', hash: eventHash(fields) };
  };
  const insert = (r: Row) =>
    pg.query(
      `INSERT INTO audit_events (stream, seq, case_id, occurred_at, actor_id, actor_name, actor_role, organisation, action, reason, payload, document_hashes, request_id, workflow_id, idempotency_key, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [r.stream, r.seq, r.caseId, r.occurredAt, r.actorId, r.actorName, r.actorRole, r.organisation, r.action, r.reason, JSON.stringify(r.payload), JSON.stringify(r.documentHashes), r.requestId, r.workflowId, r.idempotencyKey, r.prevHash, r.hash],
    );
  const restore = async () => {
    await pg.query('BEGIN');
    await pg.query('DELETE FROM audit_events WHERE stream = $1', [stream]);
    await pg.query('INSERT INTO audit_events SELECT * FROM jsonb_populate_recordset(NULL::audit_events, $1::jsonb)', [JSON.stringify(snapshot)]);
    await pg.query('COMMIT');
  };

  beforeAll(async () => {
    s = await startHttpStack();
    connection = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    ({ caseId } = await driveToTrajectory(new Client({ connection }), s.config.TEMPORAL_TASK_QUEUE));
    stream = `case:${caseId}`;
    auditor = await s.tokenFor('auditor');
    // The workflow has been told the newest head before anyone tampers.
    await poll(async () => {
      const v = await verify();
      return v.ok && v.keptHead.seq === v.headSeq;
    });
    pg = new PgClient({ connectionString: s.db.adminUrl });
    await pg.connect();
    // A superuser session: the append-only triggers are switched off, as an attacker would.
    await pg.query(`SET session_replication_role = replica`);
    snapshot = (await pg.query('SELECT jsonb_agg(to_jsonb(a) ORDER BY seq) AS rows FROM audit_events a WHERE stream = $1', [stream])).rows[0].rows;
    n = (await rows()).length;
  }, 120_000);
  afterAll(async () => {
    await pg?.end();
    await connection?.close();
    await s?.stop();
  });

  it('starts from an intact chain that reaches the head its workflow keeps', async () => {
    expect(n).toBeGreaterThan(10);
    expect(await verify()).toMatchObject({ ok: true, checked: n, headSeq: n, unanchored: 0, firstBreak: null, keptHead: { state: 'kept', seq: n } });
  });

  const cases: [string, () => Promise<unknown>, () => { seq: number; problem: string }][] = [
    ['a changed payload', () => pg.query(`UPDATE audit_events SET payload = payload || '{"score": 5}' WHERE stream = $1 AND seq = 3`, [stream]), () => ({ seq: 3, problem: 'hash_mismatch' })],
    ['a changed time', () => pg.query(`UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE stream = $1 AND seq = 4`, [stream]), () => ({ seq: 4, problem: 'hash_mismatch' })],
    ['a changed actor', () => pg.query(`UPDATE audit_events SET actor_id = '00000000-0000-4000-8000-000000000003', actor_name = 'Chris Maes' WHERE stream = $1 AND seq = 5`, [stream]), () => ({ seq: 5, problem: 'hash_mismatch' })],
    ['a changed reason', () => pg.query(`UPDATE audit_events SET reason = 'Anders beslist' WHERE stream = $1 AND seq = 6`, [stream]), () => ({ seq: 6, problem: 'hash_mismatch' })],
    ['a changed document hash', () => pg.query(`UPDATE audit_events SET document_hashes = '["${'a'.repeat(64)}"]' WHERE stream = $1 AND seq = 2`, [stream]), () => ({ seq: 2, problem: 'hash_mismatch' })],
    [
      'a changed event whose own hash was recomputed',
      async () => {
        const r = (await rows())[6]!;
        const changed = { ...r, payload: { ...r.payload, changed: true } };
        await pg.query('UPDATE audit_events SET payload = $2, hash = $3 WHERE id = $1', [r.id, JSON.stringify(changed.payload), eventHash(changed)]);
      },
      () => ({ seq: 8, problem: 'prev_hash_mismatch' }),
    ],
    ['a deleted row', () => pg.query('DELETE FROM audit_events WHERE stream = $1 AND seq = 3', [stream]), () => ({ seq: 4, problem: 'sequence_gap' })],
    ['a deleted tail', () => pg.query('DELETE FROM audit_events WHERE stream = $1 AND seq > $2', [stream, n - 2]), () => ({ seq: n - 1, problem: 'tail_missing' })],
    ['the newest event deleted', () => pg.query('DELETE FROM audit_events WHERE stream = $1 AND seq = $2', [stream, n]), () => ({ seq: n, problem: 'tail_missing' })],
    [
      'a swapped order',
      async () => {
        await pg.query('UPDATE audit_events SET seq = 1000000 WHERE stream = $1 AND seq = 3', [stream]);
        await pg.query('UPDATE audit_events SET seq = 3 WHERE stream = $1 AND seq = 4', [stream]);
        await pg.query('UPDATE audit_events SET seq = 4 WHERE stream = $1 AND seq = 1000000', [stream]);
      },
      () => ({ seq: 3, problem: 'prev_hash_mismatch' }),
    ],
    ['a swapped time order', () => pg.query(`UPDATE audit_events a SET occurred_at = b.occurred_at FROM audit_events b WHERE a.stream = $1 AND b.stream = $1 AND a.seq = 9 AND b.seq = 10`, [stream]), () => ({ seq: 9, problem: 'hash_mismatch' })],
    [
      'an inserted row in the middle',
      async () => {
        const all = await rows();
        for (const r of [...all].reverse().filter((x) => x.seq >= 5)) await pg.query('UPDATE audit_events SET seq = seq + 1 WHERE id = $1', [r.id]);
        await insert(forged(all[3]!, 5));
      },
      () => ({ seq: 6, problem: 'prev_hash_mismatch' }),
    ],
    ['a forged event appended after the head', async () => insert(forged((await rows()).at(-1)!, n + 1)), () => ({ seq: n + 1, problem: 'not_anchored' })],
    [
      'a whole chain rewritten consistently after a change',
      async () => {
        const all = await rows();
        let prev = all[1]!;
        for (const r of all.slice(2)) {
          const fields = { ...r, prevHash: prev.hash, payload: r.seq === 3 ? { ...r.payload, rewritten: true } : r.payload };
          const next = { ...fields, hash: eventHash(fields) };
          await pg.query('UPDATE audit_events SET payload = $2, prev_hash = $3, hash = $4 WHERE id = $1', [r.id, JSON.stringify(next.payload), next.prevHash, next.hash]);
          prev = next;
        }
      },
      () => ({ seq: n, problem: 'head_mismatch' }),
    ],
  ];

  it.each(cases)('detects %s', async (_name, tamper, expected) => {
    await pg.query('BEGIN');
    try {
      await tamper();
      await pg.query('COMMIT');
    } catch (error) {
      await pg.query('ROLLBACK');
      throw error;
    }
    try {
      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBreak: expected() });
      expect(result.firstBreak.explanation).toMatch(/ \/ /);
      // The service's one pass, asked directly with the kept head, gives the same break.
      const audit = s.app.get(AuditService);
      const kept = { seq: result.keptHead.seq, hash: result.keptHead.hash };
      expect(await audit.verifyInOnePass(stream, kept)).toMatchObject({ ok: false, firstBreak: expected() });
    } finally {
      await restore();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('npm run audit:verify checks every case from the command line: exit 0 when intact, 1 naming the case when not', async () => {
    const intact = await cli();
    expect(intact.stdout).toMatch(/^Intact: 1 case\(s\)/m);
    expect(intact.stdout).toContain('0 broken, 0 without a kept head, 0 event(s) newer than their kept head');
    expect(intact.status).toBe(0);

    await pg.query(`UPDATE audit_events SET payload = payload || '{"x": 1}' WHERE stream = $1 AND seq = 2`, [stream]);
    try {
      const broken = await cli();
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain(`case ${caseId}: event 2`);
      expect(broken.stdout).toContain('hash_mismatch');
    } finally {
      await restore();
    }
  }, 60_000);

  it('npm run audit:verify -- --adopt gives a case from before kept heads its head, once its chain is intact', async () => {
    // A case run by a worker whose commands hand no head on and that sends none: as cases
    // created before heads were kept.
    const native = await NativeConnection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    const taskQueue = uniqueTaskQueue('legacy');
    const legacyWorker = await createTestWorker(native, s.db.db, taskQueue, 'default', HANDS_NO_HEAD);
    const running = legacyWorker.run();
    try {
      const legacy = await driveToTrajectory(new Client({ connection }), taskQueue);
      const before = await cli('--case', legacy.caseId);
      expect(before.status).toBe(1);
      expect(before.stdout).toContain(`case ${legacy.caseId}: event 1: not_anchored`);
      const adopted = await cli('--case', legacy.caseId, '--adopt');
      expect(adopted.stdout).toContain(`adopted  case ${legacy.caseId}`);
      expect(adopted.status).toBe(0);
    } finally {
      legacyWorker.shutdown();
      await running;
      await native.close();
    }
  }, 90_000);
});

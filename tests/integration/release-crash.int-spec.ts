import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { decideReleaseUpdate, requestReleaseUpdate } from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { Client as PgClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { uniqueTaskQueue } from '../support/temporal';
import { driveToDialogue, poll } from '../support/drive';
import { meta } from '../support/fixtures';

const root = join(__dirname, '..', '..');

/**
 * The worker process is killed (SIGKILL) while the release activity is inside its database
 * transaction. After a restart Temporal retries the activity: the release is booked once — not
 * twice, not zero times.
 */
describe('a worker crash during a budget release', () => {
  let t: TestDatabase;
  let connection: Connection;
  let client: Client;
  const taskQueue = uniqueTaskQueue('crash');
  let worker: ChildProcess | null = null;

  const startWorker = () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATABASE_URL: t.appUrl,
        TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
        TEMPORAL_TASK_QUEUE: taskQueue,
        AUTH_JWT_SECRET: 'x'.repeat(32),
      },
    });
    return child;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    connection = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    client = new Client({ connection });
    worker = startWorker();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await connection?.close();
    await t?.drop();
  });

  it('books the release exactly once after the worker is killed mid-activity and restarted', async () => {
    const { caseId, workflowId } = await driveToDialogue(client, taskQueue, { now: new Date() });
    const wf = client.workflow.getHandle(workflowId);
    const requested = await wf.executeUpdate(requestReleaseUpdate, { args: [{ meta: meta('handler'), instrumentCode: 'IWT', amountCents: 400_000_00, justification: 'Tranche', basis: 'Cyclus 1' }] });

    // Hold the instrument's budget line: the release's booking will wait on it, mid-transaction.
    const blocker = new PgClient({ connectionString: t.adminUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT * FROM budget_lines WHERE case_id = $1 FOR UPDATE`, [caseId]);

    const decided = wf.executeUpdate(decideReleaseUpdate, { args: [{ meta: meta('approver'), approvalId: requested.approvalId, decision: 'approve', comment: 'Akkoord' }] });
    decided.catch(() => undefined);
    const waiting = async () =>
      Number((await blocker.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'cluster-cases-worker'`)).rows[0].n) > 0;
    await poll(waiting, 300);
    expect(await waiting()).toBe(true);

    worker!.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));
    await blocker.query('ROLLBACK');
    await blocker.end();
    worker = startWorker();

    // Temporal retries the activity once its 30 s start-to-close timeout has passed.
    await expect(decided).resolves.toMatchObject({ status: 'approved' });
    const movements = (await t.db.repos.budget.movements(caseId)).filter((m) => m.kind === 'release');
    expect(movements).toHaveLength(1);
    expect((await t.db.repos.budget.lines(caseId))[0]).toMatchObject({ earmarkedCents: 1_000_000_00, releasedCents: 400_000_00 });
    const audit = new AuditService(t.db);
    const trail = (await audit.listCase(caseId, 1000, 0)).items;
    expect(trail.filter((e) => e.action === 'budget.released')).toHaveLength(1);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  }, 180_000);
});

/**
 * `npm run audit:verify [-- --case <id>] [-- --json] [-- --adopt]`: recomputes the audit chain of every case
 * (and of the system's own events) from the database, and holds each case's chain against the
 * head its workflow keeps in Temporal. Exit code 0 when all is intact, 1 when anything is not,
 * 2 when it could not run. Without DATABASE_URL it checks the database of `npm start`.
 * `--adopt` (once, after upgrading): a case whose workflow keeps no head yet (created before heads
 * were kept) and whose chain is intact gets its current head sent to the workflow.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { AuditService, CHAIN_BREAK_EXPLANATIONS, SYSTEM_STREAM, verifyCaseChain, WorkflowHeadKeeper, type CaseChainReport } from '@cluster/audit';
import { loadConfig, temporalConnectionSettings } from '@cluster/config';
import { createDataSource, Database } from '@cluster/persistence';

const EMBEDDED_DATABASE_URL = `postgres://cluster_api:cluster_api@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/cluster_cases`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { case: { type: 'string' }, json: { type: 'boolean', default: false }, adopt: { type: 'boolean', default: false } } });
  // The verifier authenticates nobody: a placeholder secret satisfies the shared configuration.
  const config = loadConfig({ DATABASE_URL: EMBEDDED_DATABASE_URL, AUTH_JWT_SECRET: 'x'.repeat(32), ...process.env });
  const db = new Database(await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize());
  const connection = Connection.lazy(temporalConnectionSettings(config));
  try {
    const audit = new AuditService(db);
    const keeper = new WorkflowHeadKeeper(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }).workflow);
    const caseIds: string[] = values.case
      ? [values.case]
      : (await db.dataSource.query('SELECT id FROM cases ORDER BY created_at, id')).map((r: { id: string }) => r.id);

    const started = performance.now();
    const reports: CaseChainReport[] = [];
    const progress = new Progress(caseIds.length, values.json);
    for (const caseId of caseIds) {
      let report = await verifyCaseChain(audit, keeper, caseId);
      if (values.adopt && report.keptHead.state === 'none' && report.firstBreak?.problem === 'not_anchored' && report.firstBreak.seq === 1) {
        // Only the anchoring is missing (the chain itself is intact up to its head): adopt it.
        const intact = await audit.verifyCase(caseId);
        if (intact.ok && intact.headSeq > 0) {
          await keeper.send(caseId, { seq: intact.headSeq, hash: intact.headHash });
          if (!values.json) console.log(`adopted  case ${caseId}: head ${intact.headSeq} now kept by its workflow`);
          report = await verifyCaseChain(audit, keeper, caseId);
        }
      }
      reports.push(report);
      progress.tick();
    }
    progress.done();
    const system = await audit.verifyStream(SYSTEM_STREAM);
    const seconds = (performance.now() - started) / 1000;

    const broken = reports.filter((r) => !r.ok);
    const unkept = reports.filter((r) => r.keptHead.state === 'unavailable');
    const events = reports.reduce((n, r) => n + r.checked, 0) + system.checked;
    if (values.json) {
      console.log(JSON.stringify({ ok: broken.length === 0 && system.ok, cases: reports, system, seconds }, null, 2));
    } else {
      for (const r of broken) {
        const b = r.firstBreak!;
        console.log(`NIET INTACT / NOT INTACT  case ${r.caseId}: event ${b.seq}${b.eventId ? ` (id ${b.eventId})` : ''}: ${b.problem}\n    ${CHAIN_BREAK_EXPLANATIONS[b.problem]}`);
      }
      for (const r of unkept) console.log(`waarschuwing / warning  case ${r.caseId}: no head kept by its workflow (${r.keptHead.state === 'unavailable' ? r.keptHead.why : ''}); only the chain itself was checked`);
      if (!system.ok) console.log(`NIET INTACT / NOT INTACT  system events: event ${system.firstBreak!.seq}: ${system.firstBreak!.problem}`);
      console.log(
        `${broken.length === 0 && system.ok ? 'Intact' : 'NIET INTACT / NOT INTACT'}: ${reports.length} case(s), ${events} event(s) checked in ${seconds.toFixed(2)} s; ` +
          `${broken.length} broken, ${unkept.length} without a kept head, ${reports.reduce((n, r) => n + r.unanchored, 0)} event(s) newer than their kept head.`,
      );
    }
    return broken.length === 0 && system.ok ? 0 : 1;
  } finally {
    await connection.close().catch(() => undefined);
    await db.dataSource.destroy();
  }
}

/** A progress line on a terminal; a line per tenth elsewhere (CI logs). Silent for --json. */
class Progress {
  private done_ = 0;
  constructor(private readonly total: number, private readonly quiet = false) {}
  tick(): void {
    this.done_++;
    if (this.quiet || this.total === 0) return;
    const pct = Math.floor((this.done_ / this.total) * 100);
    if (process.stderr.isTTY) process.stderr.write(`\rverifying ${this.done_}/${this.total} cases (${pct}%)`);
    else if (this.done_ % Math.max(1, Math.ceil(this.total / 10)) === 0) process.stderr.write(`verifying: ${this.done_}/${this.total} cases\n`);
  }
  done(): void {
    if (!this.quiet && process.stderr.isTTY && this.total > 0) process.stderr.write('\n');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not run: ${(error as Error).message}`);
    process.exit(2);
  },
);

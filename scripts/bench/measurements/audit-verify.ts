/**
 * 6. Verifying one case's audit chain of many events: in this process over the database (as
 * scripts/bench/audit-export.ts and npm run audit:verify do), and through GET /api/cases/:id/audit/verify.
 */
import { AuditService, WorkflowHeadKeeper } from '@cluster/audit';
import { createDataSource, Database } from '@cluster/persistence';
import { eventually } from '../api-client';
import { appendChain } from '../audit-chain';
import type { BenchContext, CreatedCase } from '../context';
import { newCase } from '../payloads';

export interface AuditVerifyResult {
  caseId: string;
  events: number;
  appendSeconds: number;
  inProcess: { seconds: number; ok: boolean; checked: number };
  api: { seconds: number; serverMs: number; ok: boolean; checked: number; keptHead: string; unanchored: number };
}

/** A long structured dialogue, as audit-export builds it. */
function dialogueEvent(seq: number) {
  return {
    action: 'dialogue.report_recorded',
    reason: seq % 10 === 0 ? `Opvolging, stap ${seq}: "voortgang", zie bijlage` : null,
    payload: { cycle: Math.ceil(seq / 1000), step: seq, summary: 'Voortgangsrapport van de speerpuntcluster: acties, indicatoren en budget.', amountsCents: { IWT: seq * 100, VLAIO: seq * 50 } },
    documentHashes: [],
  };
}

export async function measureAuditVerify(ctx: BenchContext, databaseUrl: string): Promise<AuditVerifyResult> {
  const { api, options, progress } = ctx;
  const n = options.verifyEvents;
  progress.step(`verification: appending ${n} audit events`, n / 8000 + 2);
  const { id } = await api.post<CreatedCase>('handler', 'cases', newCase('Bench verification'));
  const t0 = performance.now();
  const head = await appendChain(databaseUrl, id, n, dialogueEvent, { firstAt: Date.now() - n * 60_000 });
  // As the worker's AuditHeadAnchor does after each commit: the case workflow keeps the new head.
  const keeper = new WorkflowHeadKeeper(ctx.bare.client.workflow);
  await keeper.send(id, head);
  await eventually(() => keeper.read(id), (kept) => kept.state === 'kept' && kept.head.seq === head.seq, `case ${id}: the workflow keeps the appended head`);
  const appendSeconds = (performance.now() - t0) / 1000;

  progress.step(`verification: ${n} events in process`, n / 25000 + 1);
  const db = new Database(await createDataSource({ url: databaseUrl, poolSize: 2, applicationName: 'bench-verify' }).initialize());
  let inProcess: AuditVerifyResult['inProcess'];
  try {
    const t1 = performance.now();
    const chain = await new AuditService(db).verifyCase(id);
    inProcess = { seconds: (performance.now() - t1) / 1000, ok: chain.ok, checked: chain.checked };
  } finally {
    await db.dataSource.destroy();
  }

  progress.step(`verification: ${n} events through the API`, n / 25000 + 1);
  const t2 = performance.now();
  const r = await api.get<{ ok: boolean; checked: number; durationMs: number; unanchored: number; keptHead: { state: string } }>('auditor', `cases/${id}/audit/verify`);
  return {
    caseId: id,
    events: inProcess.checked,
    appendSeconds,
    inProcess,
    api: { seconds: (performance.now() - t2) / 1000, serverMs: r.durationMs, ok: r.ok, checked: r.checked, keptHead: r.keptHead.state, unanchored: r.unanchored },
  };
}

/**
 * 3. Whole first halves per minute: creation to the approved government decision, each step by
 * its own user over HTTP (as tests/support/http-calls.ts caseToAdvice, then decision and approval).
 */
import { eventually, type ApiClient } from '../api-client';
import type { BenchContext, CreatedCase } from '../context';
import { closedLoop, type LoopResult } from '../load';
import { assessment, demoUserId, newCase, proposal, roadmap } from '../payloads';

export interface LifecycleRow {
  concurrency: number;
  run: LoopResult;
  perMinute: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

// Each command is sent once, as soon as the API shows it allowed: a command sent while the workflow
// takes in its own committed step waits in the workflow (tests/integration/settling-commands), so a
// refusal here is an error of the run.
export async function firstHalf(api: ApiClient, clusterName: string): Promise<string> {
  const { id } = await api.post<CreatedCase>('handler', 'cases', newCase(clusterName));
  await api.post('handler', `cases/${id}/roadmap/drafts`, roadmap());
  await api.post('handler', `cases/${id}/roadmap/submit`);
  await api.post('handler', `cases/${id}/assessors`, { assessorIds: [demoUserId('assessor-a'), demoUserId('assessor-b')] });
  for (const assessor of ['assessor-a', 'assessor-b']) {
    await api.post(assessor, `cases/${id}/assessment/conflict-declaration`, { hasConflict: false });
    await api.post(assessor, `cases/${id}/assessments`, assessment(4));
  }
  await api.post('handler', `cases/${id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Sterke roadmap.' });
  const requests = await eventually(
    () => api.get<Page<{ id: string; councilCode: string }>>('handler', `advice-requests?caseId=${id}&status=open`),
    (page) => page.total === 3,
    `case ${id}: three open advice requests`,
  );
  for (const r of requests.items) {
    await api.post(`council-${r.councilCode.toLowerCase()}`, `advice-requests/${r.id}/advice`, { position: 'positive', text: `Gunstig advies van de ${r.councilCode}.` });
  }
  await eventually(() => api.get<{ stage: string }>('handler', `cases/${id}`), (c) => c.stage === 'decision', `case ${id}: decision stage`);
  const { approvalId } = await api.post<{ approvalId: string }>('handler', `cases/${id}/decision/proposals`, proposal(requests.items.map((r) => r.councilCode)));
  await api.post('approver', `approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' });
  return id;
}

export async function measureLifecycles(ctx: BenchContext): Promise<LifecycleRow[]> {
  const { api, options, progress } = ctx;
  progress.step('lifecycles: warm-up', 5);
  await firstHalf(api, 'Bench lifecycle warm-up');
  const rows: LifecycleRow[] = [];
  for (const concurrency of options.lifecycleConcurrency) {
    progress.step(`lifecycles: ${concurrency} concurrent first halves`, options.lifecycleSeconds + 5);
    const run = await closedLoop(concurrency, options.lifecycleSeconds, (client, i) => firstHalf(api, `Bench lifecycle c${concurrency}-${client}-${i}`));
    rows.push({ concurrency, run, perMinute: run.perSecond * 60 });
  }
  return rows;
}

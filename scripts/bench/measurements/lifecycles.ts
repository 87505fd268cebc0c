/**
 * 3. Whole first halves per minute: creation to the approved government decision, each step by
 * its own user over HTTP (as tests/support/http-calls.ts caseToAdvice, then decision and approval).
 */
import { ApiError, eventually, type ApiClient } from '../api-client';
import type { BenchContext, CreatedCase } from '../context';
import { closedLoop, type LoopResult } from '../load';
import { assessment, demoUserId, newCase, proposal, roadmap } from '../payloads';

export interface LifecycleRow {
  concurrency: number;
  run: LoopResult;
  perMinute: number;
  /** Commands refused because the workflow had not caught up with what the API showed (see `whenCaughtUp`). */
  retries: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

/** The refusals of a workflow that has not yet caught up with the database the API reads. */
const WORKFLOW_BEHIND = /No advice was requested from|is not allowed while the case is in stage/;

/**
 * The API lists advice requests and shows the case's stage from the database, which an activity
 * has committed a moment before the case workflow has taken in its result. A command sent in that
 * moment is refused with 409 ("No advice was requested from …", "… is not allowed while the case
 * is in stage advice"). A person would try again: so does this, every 100 ms for 5 s, and counts it.
 */
async function whenCaughtUp(retries: { count: number }, command: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await command();
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409 && WORKFLOW_BEHIND.test(error.message)) || attempt === 50) throw error;
      retries.count++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function firstHalf(api: ApiClient, clusterName: string, retries = { count: 0 }): Promise<string> {
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
    await whenCaughtUp(retries, () => api.post(`council-${r.councilCode.toLowerCase()}`, `advice-requests/${r.id}/advice`, { position: 'positive', text: `Gunstig advies van de ${r.councilCode}.` }));
  }
  await eventually(() => api.get<{ stage: string }>('handler', `cases/${id}`), (c) => c.stage === 'decision', `case ${id}: decision stage`);
  let approvalId = '';
  await whenCaughtUp(retries, async () => {
    ({ approvalId } = await api.post<{ approvalId: string }>('handler', `cases/${id}/decision/proposals`, proposal(requests.items.map((r) => r.councilCode))));
  });
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
    const retries = { count: 0 };
    const run = await closedLoop(concurrency, options.lifecycleSeconds, (client, i) => firstHalf(api, `Bench lifecycle c${concurrency}-${client}-${i}`, retries));
    rows.push({ concurrency, run, perMinute: run.perSecond * 60, retries: retries.count });
  }
  return rows;
}

/**
 * 4. Read latency at fixed request rates (autocannon with overallRate, as `-R`: requests are sent
 * on schedule whether or not earlier ones answered, and latencies are corrected for coordinated
 * omission), on the case list, a case page, the inbox, the portfolio overview and the timeline of a
 * case with a long chain (issue 15: p99 ≤ 50 ms at 200 req/s each).
 */
import autocannon from 'autocannon';
import { interruption, throwIfInterrupted } from '../abort';
import { appendChain } from '../audit-chain';
import type { BenchContext, CreatedCase } from '../context';
import { newCase } from '../payloads';

export interface ReadRow {
  endpoint: string;
  path: string;
  rate: number;
  achievedRate: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

export interface ReadsResult {
  timeline: { caseId: string; events: number; appended: number; seconds: number } | null;
  rows: ReadRow[];
}

/** A roadmap that grows one saved draft at a time, as in a long drafting stage. */
function draftSaved(seq: number) {
  const version = seq;
  const sha256 = (BigInt(seq) * 0x9e3779b97f4a7c15n).toString(16).padStart(64, '0').slice(-64);
  return { action: 'roadmap.draft_saved', reason: seq % 25 === 0 ? `Herwerking na overleg ${seq}` : null, payload: { version, sha256, stage: 'roadmap_drafting' }, documentHashes: [sha256] };
}

/** One autocannon run; an interruption stops it at once. */
function fixedRate(options: autocannon.Options): Promise<autocannon.Result> {
  throwIfInterrupted();
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) => {
      interruption.signal.removeEventListener('abort', stop);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else if (interruption.signal.aborted) reject(new Error('interrupted'));
      else resolve(result);
    });
    const stop = () => instance.stop();
    interruption.signal.addEventListener('abort', stop);
  });
}

export async function measureReads(ctx: BenchContext, sampleCaseId: string): Promise<ReadsResult> {
  const { api, options, progress, stack } = ctx;
  let timeline: ReadsResult['timeline'] = null;
  const targets: { endpoint: string; path: string; subject: string }[] = [
    { endpoint: 'case list', path: 'cases', subject: 'handler' },
    { endpoint: 'case page', path: `cases/${sampleCaseId}`, subject: 'handler' },
    { endpoint: 'inbox', path: 'tasks', subject: 'handler' },
    { endpoint: 'portfolio overview', path: 'portfolio', subject: 'handler' },
  ];
  if (stack.databaseUrl) {
    progress.step(`reads: a case with ${options.timelineEvents} audit events`, options.timelineEvents / 5000 + 2);
    const started = performance.now();
    const { id } = await api.post<CreatedCase>('handler', 'cases', newCase('Bench long timeline'));
    const existing = (await api.get<{ total: number }>('auditor', `cases/${id}/audit?limit=1`)).total;
    const appended = Math.max(0, options.timelineEvents - existing);
    if (appended > 0) await appendChain(stack.databaseUrl, id, appended, draftSaved, { firstAt: Date.now() - appended * 60_000 });
    timeline = { caseId: id, events: existing + appended, appended, seconds: (performance.now() - started) / 1000 };
    targets.push(
      { endpoint: `audit timeline (${timeline.events} events), first page`, path: `cases/${id}/audit`, subject: 'auditor' },
      { endpoint: `audit timeline (${timeline.events} events), last page by offset`, path: `cases/${id}/audit?offset=${timeline.events - 50}`, subject: 'auditor' },
      // Keyset paging (issue 15): the cursor is the seq of the last event read.
      { endpoint: `audit timeline (${timeline.events} events), last page by cursor`, path: `cases/${id}/audit?after=${timeline.events - 50}`, subject: 'auditor' },
    );
  }

  const rows: ReadRow[] = [];
  for (const target of targets) {
    // A refused read would measure the error path: check it answers before loading it.
    await api.get(target.subject, target.path);
    const headers = await api.headers(target.subject);
    for (const rate of options.readRates) {
      progress.step(`reads: ${target.endpoint} at ${rate}/s`, options.readSeconds + 0.5);
      const result = await fixedRate({ url: `${stack.apiUrl}/${target.path}`, headers, connections: options.readConnections, overallRate: rate, duration: options.readSeconds });
      rows.push({
        endpoint: target.endpoint,
        path: `/api/${target.path}`,
        rate,
        achievedRate: result.requests.total / result.duration,
        requests: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    }
  }
  return { timeline, rows };
}

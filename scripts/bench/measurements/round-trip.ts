/** 2. A command's round trip through the API (save a roadmap draft) beside a bare Temporal update. */
import type { BenchContext, CreatedCase } from '../context';
import { sequential, type Percentiles } from '../load';
import { newCase, roadmap } from '../payloads';

export interface RoundTripResult {
  count: number;
  ours: Percentiles & { mean: number };
  bare: Percentiles & { mean: number };
}

const WARM_UP = 5;

export async function measureRoundTrip(ctx: BenchContext): Promise<RoundTripResult> {
  const { api, bare, options, progress } = ctx;
  const n = options.roundTrips;
  progress.step(`round trip: ${n} roadmap draft saves`, n * 0.15);
  const { id } = await api.post<CreatedCase>('handler', 'cases', newCase('Bench round trips'));
  const save = (i: number) => api.post('handler', `cases/${id}/roadmap/drafts`, roadmap(i + 1));
  for (let i = 0; i < WARM_UP; i++) await save(i);
  const ours = await sequential(n, (i) => save(WARM_UP + i));

  progress.step(`round trip: ${n} bare updates`, n * 0.02);
  const handle = await bare.startEcho();
  for (let i = 0; i < WARM_UP; i++) await bare.echo(handle, i);
  const bareRun = await sequential(n, (i) => bare.echo(handle, i));
  await bare.finish(handle);
  return { count: n, ours: ours.latencyMs, bare: bareRun.latencyMs };
}

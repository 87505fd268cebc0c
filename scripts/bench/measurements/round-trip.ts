/**
 * 2. A command's round trip through the API (save a roadmap draft) beside its floors on the same
 * server, interleaved per request so that noise hits all alike: a bare update (echo handler), and
 * a bare update whose handler runs one PostgreSQL transaction shaped like a command's as a regular
 * activity and as a local activity (issue 15's floors).
 */
import type { BenchContext, CreatedCase } from '../context';
import { nowMicros, percentiles, type Percentiles } from '../load';
import { throwIfInterrupted } from '../abort';
import { newCase, roadmap } from '../payloads';

type Stat = Percentiles & { mean: number };

export interface RoundTripResult {
  count: number;
  ours: Stat;
  bare: Stat;
  /** Update + regular activity + one PostgreSQL transaction; null when the stack's owner URL is unknown. */
  activityFloor: Stat | null;
  /** Update + local activity + the same transaction. */
  localActivityFloor: Stat | null;
  /** When the measured requests ran (monotonic µs, as the profiles count), for the CPU profile of that span. */
  window: [number, number];
}

const WARM_UP = 5;

const stat = (samples: number[]): Stat => ({ ...percentiles(samples), mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length) });

async function timed(op: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await op();
  return performance.now() - t0;
}

export async function measureRoundTrip(ctx: BenchContext): Promise<RoundTripResult> {
  const { api, bare, options, progress } = ctx;
  const n = options.roundTrips;
  const floors = bare.hasDatabaseFloors;
  progress.step(`round trip: ${n} roadmap draft saves, interleaved with ${floors ? 'three floors' : 'a bare update'}`, n * 0.25);
  const { id } = await api.post<CreatedCase>('handler', 'cases', newCase('Bench round trips'));
  const save = (i: number) => api.post('handler', `cases/${id}/roadmap/drafts`, roadmap(i + 1));
  const handle = await bare.startEcho();
  const sides: { name: keyof Omit<RoundTripResult, 'count' | 'window'>; op: (i: number) => Promise<unknown> }[] = [
    { name: 'ours', op: save },
    { name: 'bare', op: (i) => bare.echo(handle, i) },
    ...(floors
      ? ([
          { name: 'activityFloor', op: (i: number) => bare.viaActivity(handle, i) },
          { name: 'localActivityFloor', op: (i: number) => bare.viaLocalActivity(handle, i) },
        ] as const)
      : []),
  ];
  for (let i = 0; i < WARM_UP; i++) for (const s of sides) await s.op(i);
  const samples = new Map(sides.map((s) => [s.name, [] as number[]]));
  const began = nowMicros();
  for (let i = 0; i < n; i++) {
    throwIfInterrupted();
    // Each request of the product is followed by one of each floor, in turn.
    for (const s of sides) samples.get(s.name)!.push(await timed(() => s.op(WARM_UP + i)));
  }
  const window: [number, number] = [began, nowMicros()];
  await bare.finish(handle);
  const of = (name: keyof Omit<RoundTripResult, 'count' | 'window'>) => (samples.has(name) ? stat(samples.get(name)!) : null);
  return { count: n, ours: of('ours')!, bare: of('bare')!, activityFloor: of('activityFloor'), localActivityFloor: of('localActivityFloor'), window };
}

/** Closed-loop load: N clients, each sending its next request when the last one answered. */
import { interrupted, throwIfInterrupted } from './abort';

export interface LoopResult {
  concurrency: number;
  completed: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
  latencyMs: Percentiles;
  /** hrtime in microseconds (the clock of V8's CPU profiles): when the clients started and stopped. */
  window: [number, number];
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const nowMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/** Nearest-rank percentiles in milliseconds; zeros for no samples. */
export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1]! };
}

/**
 * Runs `op` from `concurrency` clients until `seconds` have passed; a request under way then
 * finishes and counts. Throughput is completions over the time until the last one finished.
 * A failed request counts as an error and its client pauses 50 ms, so a refusing server is not
 * hammered in a tight loop.
 */
export async function closedLoop(concurrency: number, seconds: number, op: (client: number, i: number) => Promise<unknown>, onDone: () => void = () => undefined): Promise<LoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const startedMicros = nowMicros();
  const deadline = started + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (performance.now() < deadline && !interrupted()) {
        const t0 = performance.now();
        try {
          await op(client, sent++);
          latencies.push(performance.now() - t0);
          onDone();
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }),
  );
  throwIfInterrupted();
  const elapsed = (performance.now() - started) / 1000;
  return {
    concurrency,
    completed: latencies.length,
    errors,
    firstError,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    latencyMs: percentiles(latencies),
    window: [startedMicros, nowMicros()],
  };
}

/** `count` operations one after the other; their latencies. */
export async function sequential(count: number, op: (i: number) => Promise<unknown>, onDone: () => void = () => undefined): Promise<{ count: number; latencyMs: Percentiles & { mean: number } }> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    throwIfInterrupted();
    const t0 = performance.now();
    await op(i);
    latencies.push(performance.now() - t0);
    onDone();
  }
  return { count, latencyMs: { ...percentiles(latencies), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length } };
}

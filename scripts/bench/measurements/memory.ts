/** 5. Resident memory of API and worker: idle after start, and with many open cases. */
import { readFileSync } from 'node:fs';
import pidusage from 'pidusage';
import { interrupted, throwIfInterrupted } from '../abort';
import type { BenchContext, CreatedCase } from '../context';
import { newCase } from '../payloads';

export interface ProcessMemory {
  /** Resident set size now, bytes (largest of a few samples a second apart). */
  rss: number;
  /** The process's highest RSS so far (VmHWM), bytes; null where /proc has no such line. */
  peakRss: number | null;
}

export interface MemorySample {
  openCases: number;
  api: ProcessMemory | null;
  worker: ProcessMemory | null;
}

export interface MemoryResult {
  idle: MemorySample;
  loaded: MemorySample | null;
  /** How long opening the missing cases took, and how many that were (fewer than missing when time ran out). */
  topUp: { missing: number; created: number; seconds: number; concurrency: number; timedOut: boolean; errors: number; firstError: string | null };
}

const TOP_UP_CONCURRENCY = 16;
/** A slow or busy machine must not stretch the run without end: past this, RSS is read as it is. */
const TOP_UP_MAX_SECONDS = 150;
const MAX_ERRORS = 50;

function peakRss(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

async function memoryOf(pid: number | null): Promise<ProcessMemory | null> {
  if (pid === null) return null;
  let rss = 0;
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 1000));
    rss = Math.max(rss, (await pidusage(pid)).memory);
  }
  return { rss, peakRss: peakRss(pid) };
}

export async function openCaseCount(ctx: BenchContext): Promise<number> {
  // No case is closed in the benchmark, and the list counts every case the handler may see: all.
  return (await ctx.api.get<{ total: number }>('handler', 'cases?limit=1')).total;
}

export async function sampleMemory(ctx: BenchContext): Promise<MemorySample> {
  const [api, worker] = await Promise.all([memoryOf(ctx.stack.pids.api), memoryOf(ctx.stack.pids.worker)]);
  return { openCases: await openCaseCount(ctx), api, worker };
}

/** Opens cases through the API until `--open-cases` are open, lets the processes settle, samples. */
export async function measureLoadedMemory(ctx: BenchContext, idle: MemorySample): Promise<MemoryResult> {
  const { api, options, progress } = ctx;
  const missing = Math.max(0, options.openCases - (await openCaseCount(ctx)));
  progress.step(`memory: opening ${missing} more cases (to ${options.openCases})`, Math.min(150, missing * 0.06) + 5);
  const started = performance.now();
  const deadline = started + TOP_UP_MAX_SECONDS * 1000;
  let created = 0;
  let inFlight = 0;
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: TOP_UP_CONCURRENCY }, async () => {
      while (created + inFlight < missing && performance.now() < deadline && errors.length < MAX_ERRORS && !interrupted()) {
        inFlight++;
        try {
          await api.post<CreatedCase>('handler', 'cases', newCase(`Bench open case ${created + inFlight}`));
          created++;
        } catch (error) {
          // An overloaded stack may refuse a start (503 after the command deadline): open another.
          errors.push((error as Error).message);
        } finally {
          inFlight--;
        }
      }
    }),
  );
  throwIfInterrupted();
  const seconds = (performance.now() - started) / 1000;
  // Garbage of the burst is collected lazily; give both processes a moment before reading RSS.
  await new Promise((r) => setTimeout(r, 3000));
  const loaded = ctx.stack.pids.api === null && ctx.stack.pids.worker === null ? null : await sampleMemory(ctx);
  return { idle, loaded, topUp: { missing, created, seconds, concurrency: TOP_UP_CONCURRENCY, timedOut: created < missing, errors: errors.length, firstError: errors[0] ?? null } };
}

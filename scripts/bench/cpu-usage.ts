/**
 * Where the CPU went during a run: seconds of CPU used by each process of the stack (PostgreSQL
 * with its backends), by this process (load generator and bare worker), and by the whole machine,
 * from /proc. What the machine used beyond ours is other work on it: noise in the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ; Linux reports /proc times in it on every common platform

export interface StackPids {
  api: number | null;
  worker: number | null;
  temporal: number | null;
  postgres: number | null;
}

/** CPU used in the window, in cores (CPU seconds per wall second); null where it could not be read. */
export interface CpuUse {
  seconds: number;
  api: number | null;
  worker: number | null;
  temporal: number | null;
  postgres: number | null;
  bench: number;
  /** Every process on the machine, ours included. */
  machine: number | null;
}

type Snapshot = { at: number; ticks: Record<keyof StackPids, number | null>; bench: number; machine: number | null };

function stat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are plain.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** utime + stime (+ the reaped children's, for a parent whose children come and go). */
function ticksOf(pid: number, withReapedChildren = false): number | null {
  const f = stat(pid);
  if (!f) return null;
  const [utime, stime, cutime, cstime] = [f[11], f[12], f[13], f[14]].map(Number) as [number, number, number, number];
  return utime + stime + (withReapedChildren ? cutime + cstime : 0);
}

/** The postmaster, its live backends, and those that already ended (counted in the postmaster). */
function postgresTicks(postmaster: number): number | null {
  const own = ticksOf(postmaster, true);
  if (own === null) return null;
  let children = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = stat(Number(entry));
    if (f && Number(f[1]) === postmaster) children += ticksOf(Number(entry)) ?? 0;
  }
  return own + children;
}

function machineTicks(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    return cpu.slice(0, 8).reduce((a, b) => a + b, 0) - cpu[3]! - cpu[4]!;
  } catch {
    return null;
  }
}

function snapshot(pids: StackPids): Snapshot {
  const one = (pid: number | null) => (pid === null ? null : ticksOf(pid));
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    ticks: { api: one(pids.api), worker: one(pids.worker), temporal: one(pids.temporal), postgres: pids.postgres === null ? null : postgresTicks(pids.postgres) },
    bench: (usage.user + usage.system) / 1e6,
    machine: machineTicks(),
  };
}

/** Runs `work` and says how many cores each process kept busy meanwhile. */
export async function withCpuUse<T>(pids: StackPids, work: () => Promise<T>): Promise<{ result: T; cpu: CpuUse }> {
  const before = snapshot(pids);
  const result = await work();
  const after = snapshot(pids);
  const seconds = (after.at - before.at) / 1000;
  const cores = (key: keyof StackPids) => {
    const [a, b] = [before.ticks[key], after.ticks[key]];
    return a === null || b === null ? null : (b - a) / TICKS_PER_SECOND / seconds;
  };
  return {
    result,
    cpu: {
      seconds,
      api: cores('api'),
      worker: cores('worker'),
      temporal: cores('temporal'),
      postgres: cores('postgres'),
      bench: (after.bench - before.bench) / seconds,
      machine: before.machine === null || after.machine === null ? null : (after.machine - before.machine) / TICKS_PER_SECOND / seconds,
    },
  };
}

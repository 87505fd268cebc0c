/**
 * Summarises the .cpuprofile files node --cpu-prof wrote for API and worker: self time per
 * function and per module, counted only in the given windows (the case-start runs), so start-up
 * and the other measurements do not blur what limits case starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  /** Share of the busy (not idle) time in the windows. */
  percent: number;
}

export interface ProcessProfile {
  process: string;
  files: string[];
  /** Time in the windows, per profiled thread added up. */
  sampledMs: number;
  busyMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
}

const IDLE = '(idle)';

/** Which package or part of the repository a frame belongs to. */
export function moduleOf(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(V8 built-ins)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const nodeModules = url.lastIndexOf('/node_modules/');
  if (nodeModules >= 0) {
    const parts = url.slice(nodeModules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith(root)) return relative(root, url).split('/').slice(0, 2).join('/');
  return url;
}

function functionOf(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  const where = url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + 14) : url.startsWith(root) ? relative(root, url) : url;
  const name = frame.functionName || '(anonymous)';
  return where ? `${name}  ${where}:${frame.lineNumber + 1}` : name;
}

function top(totals: Map<string, number>, busyMs: number, n: number): SelfTime[] {
  return [...totals.entries()]
    .filter(([name]) => name !== IDLE)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, ms, percent: busyMs > 0 ? (100 * ms) / busyMs : 0 }));
}

/**
 * Profiles of process `pid` in `dir` (one file per thread: CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile),
 * counted in `windows` (microseconds of the monotonic clock, as process.hrtime).
 */
export function summariseProfiles(dir: string, pid: number, label: string, windows: [number, number][], root: string, topN = 12): ProcessProfile {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && f.split('.')[3] === String(pid));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let sampledMs = 0;
  const inWindow = (t: number) => windows.some(([from, to]) => t >= from && t <= to);
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] ?? 0;
      // A sample stands for the time until the next one.
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (ms <= 0 || !inWindow(t)) continue;
      const frame = frames.get(profile.samples[i]!)!;
      sampledMs += ms;
      const fn = frame.functionName === IDLE ? IDLE : functionOf(frame, root);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
      const mod = frame.functionName === IDLE ? IDLE : moduleOf(frame, root);
      byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    }
  }
  const busyMs = sampledMs - (byFunction.get(IDLE) ?? 0);
  return { process: label, files, sampledMs, busyMs, functions: top(byFunction, busyMs, topN), modules: top(byModule, busyMs, topN) };
}

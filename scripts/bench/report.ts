/** The results as Markdown tables (for people) and JSON (for comparing runs), and the chart. */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { ProcessProfile } from './cpu-profile';
import type { CpuUse } from './cpu-usage';
import type { AuditVerifyResult } from './measurements/audit-verify';
import type { CaseStartRow } from './measurements/case-starts';
import type { LifecycleRow } from './measurements/lifecycles';
import type { MemoryResult, MemorySample } from './measurements/memory';
import type { ReadsResult } from './measurements/reads';
import type { RoundTripResult } from './measurements/round-trip';
import type { BenchOptions } from './options';

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  stack: { own: boolean; apiUrl: string; temporalAddress: string; runDir: string | null; profiled: boolean };
  options: BenchOptions;
  caseStarts: CaseStartRow[] | null;
  roundTrip: RoundTripResult | null;
  lifecycles: LifecycleRow[] | null;
  memory: MemoryResult | null;
  reads: ReadsResult | null;
  auditVerify: AuditVerifyResult | null;
  profile: ProcessProfile[] | null;
  /** Measurements that could not be taken, and why. */
  failures: { measurement: string; error: string }[];
  crashes: string[];
}

const n0 = (v: number) => Math.round(v).toLocaleString('en');
const n1 = (v: number) => v.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : `${n0(v)} ms`);
const mib = (bytes: number | null | undefined) => (bytes == null ? '–' : `${n0(bytes / 1024 / 1024)} MiB`);
const table = (head: string[], align: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function caseStartsSection(rows: CaseStartRow[], o: BenchOptions): string {
  return [
    `## 1. Case starts per second (${o.startSeconds} s per row and side, closed loop)`,
    '',
    'POST /api/cases as a case handler (workflow start with the registration update: activity, database, audit event) beside `client.workflow.start` of an empty workflow on its own task queue and in-process worker.',
    '',
    table(
      ['Concurrent clients', 'POST /api/cases', 'Bare workflow start', 'Ours / bare', 'API latency p50 / p99', 'Errors (ours, bare)'],
      ['r', 'r', 'r', 'r', 'r', 'r'],
      rows.map((r) => [
        String(r.concurrency),
        `${n1(r.ours.perSecond)}/s`,
        `${n1(r.bare.perSecond)}/s`,
        r.ratio.toFixed(3),
        `${ms(r.ours.latencyMs.p50)} / ${ms(r.ours.latencyMs.p99)}`,
        `${r.ours.errors}, ${r.bare.errors}`,
      ]),
    ),
    ...rows.filter((r) => r.ours.firstError || r.bare.firstError).map((r) => `\nFirst error at ${r.concurrency} clients: ${r.ours.firstError ?? r.bare.firstError}`),
    '',
    'Where the CPU went meanwhile, in cores kept busy (of the machine\'s cores); "other" is every process on the machine that is not part of this run, i.e. noise:',
    '',
    table(
      ['Run', 'API', 'Worker', 'Temporal server', 'PostgreSQL', 'Bench process (client, bare worker)', 'Other', 'Machine'],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows.flatMap((r) => [cpuRow(`POST /api/cases, ${r.concurrency} clients`, r.cpu.ours), cpuRow(`bare starts, ${r.concurrency} clients`, r.cpu.bare)]),
    ),
  ].join('\n');
}

function cpuRow(label: string, c: CpuUse): string[] {
  const cores = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  const ours = [c.api, c.worker, c.temporal, c.postgres, c.bench].reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return [label, cores(c.api), cores(c.worker), cores(c.temporal), cores(c.postgres), cores(c.bench), cores(c.machine === null ? null : Math.max(0, c.machine - ours)), cores(c.machine)];
}

function roundTripSection(r: RoundTripResult): string {
  const row = (label: string, p: RoundTripResult['ours']) => [label, ms(p.p50), ms(p.p95), ms(p.p99), ms(p.mean)];
  const ratio = (label: string, floor: RoundTripResult['ours']) => [
    label,
    `${(r.ours.p50 / floor.p50).toFixed(2)}×`,
    `${(r.ours.p95 / floor.p95).toFixed(2)}×`,
    `${(r.ours.p99 / floor.p99).toFixed(2)}×`,
    `${(r.ours.mean / floor.mean).toFixed(2)}×`,
  ];
  const floors = [
    ...(r.activityFloor ? [row('Floor: bare update + regular activity + one PostgreSQL transaction (lock, previous hash, row, chained audit row)', r.activityFloor)] : []),
    ...(r.localActivityFloor ? [row('Floor: bare update + local activity + the same transaction', r.localActivityFloor)] : []),
  ];
  const ratios = [
    ratio('Ours / bare update', r.bare),
    ...(r.activityFloor ? [ratio('Ours / regular-activity floor', r.activityFloor)] : []),
    ...(r.localActivityFloor ? [ratio('Ours / local-activity floor (issue 15 goal: p50 ≤ 1.5×, p99 ≤ 2×)', r.localActivityFloor)] : []),
  ];
  return [
    `## 2. Command round trip (${r.count} sequential per side, interleaved per request, after 5 warm-up)`,
    '',
    table(
      ['Command', 'p50', 'p95', 'p99', 'mean'],
      ['l', 'r', 'r', 'r', 'r'],
      [row('Save a roadmap draft: POST /api/cases/:id/roadmap/drafts (Temporal update, activity, database, audit)', r.ours), row('Bare Temporal update (echo handler)', r.bare), ...floors, ...ratios],
    ),
  ].join('\n');
}

function lifecyclesSection(rows: LifecycleRow[], o: BenchOptions): string {
  return [
    `## 3. First-half lifecycles per minute (${o.lifecycleSeconds} s per row; runs under way then finish)`,
    '',
    'Creation, roadmap draft and submission, assessors, two conflict declarations and assessments, conclusion, three council advices, decision proposal and its four-eyes approval: 15 commands by 8 users over HTTP, plus polling for the advice requests and the decision stage.',
    '',
    table(
      ['Concurrent lifecycles', 'Lifecycles per minute', 'Completed', 'Duration p50 / p95', 'Errors'],
      ['r', 'r', 'r', 'r', 'r'],
      rows.map((r) => [String(r.concurrency), n1(r.perMinute), String(r.run.completed), `${n1(r.run.latencyMs.p50 / 1000)} s / ${n1(r.run.latencyMs.p95 / 1000)} s`, String(r.run.errors)]),
    ),
    ...rows.filter((r) => r.run.firstError).map((r) => `\nFirst error at ${r.concurrency} concurrent: ${r.run.firstError}`),
  ].join('\n');
}

function readsSection(r: ReadsResult, o: BenchOptions): string {
  return [
    `## 4. Read latency at fixed request rates (autocannon, ${o.readConnections} connections, ${o.readSeconds} s per row)`,
    '',
    'Requests go out on schedule (overallRate, like `autocannon -R`) whether or not earlier ones have answered, and autocannon corrects the latencies for coordinated omission.',
    r.timeline ? `The long timeline: ${n0(r.timeline.appended)} events appended in bulk to a case opened through the API (${n1(r.timeline.seconds)} s).` : 'No audit timeline rows: the database URL of the stack is not known (--database-url).',
    '',
    table(
      ['Endpoint', 'Target rate', 'Achieved', 'p50', 'p99', 'max', 'Non-2xx / errors'],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      r.rows.map((x) => [`${x.endpoint} (GET ${x.path.replace(/[0-9a-f-]{36}/, ':id')})`, `${x.rate}/s`, `${n1(x.achievedRate)}/s`, ms(x.p50), ms(x.p99), ms(x.max), `${x.non2xx} / ${x.errors}`]),
    ),
  ].join('\n');
}

function memorySection(m: MemoryResult, o: BenchOptions): string {
  const row = (label: string, s: MemorySample) => [label, n0(s.openCases), mib(s.api?.rss), mib(s.worker?.rss), mib(s.api?.peakRss), mib(s.worker?.peakRss)];
  return [
    '## 5. Resident memory of API and worker',
    '',
    ...(m.idle.api || m.idle.worker ? [] : ['Not measured: the processes of the stack are not known (--api-pid, --worker-pid).', '']),
    table(
      ['When', 'Open cases', 'API RSS', 'Worker RSS', 'API peak RSS', 'Worker peak RSS'],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      [
        row('idle, after start-up and a first case', m.idle),
        ...(m.loaded ? [row(`later: after the measurements above and ${n0(m.topUp.created)} more cases (${m.topUp.concurrency} concurrent, ${n1(m.topUp.seconds)} s)`, m.loaded)] : []),
      ],
    ),
    ...(m.topUp.errors > 0 ? ['', `${m.topUp.errors} case starts were refused meanwhile (others were opened instead); the first: ${m.topUp.firstError}`] : []),
    ...(m.topUp.timedOut ? ['', `Only ${n0(m.topUp.created)} of the ${n0(m.topUp.missing)} missing cases could be opened in the time allowed: the machine is too slow or too busy for --open-cases ${o.openCases}.`] : []),
  ].join('\n');
}

function auditVerifySection(a: AuditVerifyResult): string {
  return [
    `## 6. Audit chain verification of one case with ${n0(a.events)} events`,
    '',
    table(
      ['Step', 'Time', 'Events per second', 'Result'],
      ['l', 'r', 'r', 'l'],
      [
        ['Append the events in bulk (hash chain, advisory lock, multi-row inserts), the workflow keeps the new head', `${n1(a.appendSeconds)} s`, n0(a.events / a.appendSeconds), ''],
        ['Verify in this process over the database (AuditService.verifyCase)', `${n1(a.inProcess.seconds)} s`, n0(a.inProcess.checked / a.inProcess.seconds), `${a.inProcess.ok ? 'ok' : 'BROKEN'}, ${n0(a.inProcess.checked)} checked`],
        [
          'GET /api/cases/:id/audit/verify (with the head the workflow keeps)',
          `${n1(a.api.seconds)} s (server ${n1(a.api.serverMs / 1000)} s)`,
          n0(a.api.checked / a.api.seconds),
          `${a.api.ok ? 'ok' : 'not ok'}, ${n0(a.api.checked)} checked, kept head ${a.api.keptHead}, ${n0(a.api.unanchored)} newer than it`,
        ],
      ],
    ),
  ].join('\n');
}

export function profileSection(profiles: ProcessProfile[]): string {
  const parts = ['## CPU profile of API and worker during the case starts and the command round trips (node --cpu-prof, self time)', ''];
  for (const p of profiles) {
    if (p.files.length === 0) {
      parts.push(`**${p.process}**: no profile was written.`, '');
      continue;
    }
    parts.push(
      `**${p.process}**: busy ${n1(p.busyMs / 1000)} s of ${n1(p.sampledMs / 1000)} s sampled in those runs (${p.files.length} thread profile${p.files.length === 1 ? '' : 's'}; shares are of the busy time).`,
      '',
      table(['Module', 'Self time', 'Share'], ['l', 'r', 'r'], p.modules.map((m) => [`\`${m.name}\``, ms(m.ms), `${m.percent.toFixed(1)} %`])),
      '',
      table(['Function', 'Self time', 'Share'], ['l', 'r', 'r'], p.functions.map((f) => [`\`${f.name}\``, ms(f.ms), `${f.percent.toFixed(1)} %`])),
      '',
    );
  }
  return parts.join('\n');
}

export function markdown(r: BenchResults): string {
  const m = r.machine;
  const head = [
    '# Benchmark of the running product',
    '',
    `${r.startedAt}, ${m.cpus} × ${m.cpuModel}, ${n0(m.memoryGiB)} GiB, Node ${m.node}. ` +
      (!r.stack.own
        ? `Running stack at ${r.stack.apiUrl} (Temporal ${r.stack.temporalAddress}).`
        : r.options.topology === 'cluster'
          ? `Cluster topology in ${r.stack.runDir}: embedded PostgreSQL, the Temporal server v1.29.1 on it (persistence and SQL visibility, 4 history shards, docker/temporal/cluster-cases.yaml as docker-compose deploys it), two workers and two APIs as \`npm start\` runs them, each request to the next API (reads at a fixed rate: the first API); memory and CPU of the first API and worker, LOG_LEVEL=${r.options.logLevel}.`
          : `Own stack in ${r.stack.runDir}: embedded PostgreSQL, Temporal dev server (SQLite file), worker and API as \`npm start\` runs them, LOG_LEVEL=${r.options.logLevel}.`) +
      (r.stack.profiled ? ' API and worker ran under the CPU profiler (some overhead).' : ''),
    `The load generator, the bare Temporal worker and the servers share the machine's ${m.cpus} cores; load average ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')} at the start, ${m.loadAverageAtEnd.map((l) => l.toFixed(2)).join(' / ')} at the end. Anything else running on the machine shows in these figures: compare runs on a quiet machine. Whole run: ${n0(r.durationSeconds)} s.`,
  ];
  const sections = [
    r.caseStarts && caseStartsSection(r.caseStarts, r.options),
    r.roundTrip && roundTripSection(r.roundTrip),
    r.lifecycles && lifecyclesSection(r.lifecycles, r.options),
    r.reads && readsSection(r.reads, r.options),
    r.memory && memorySection(r.memory, r.options),
    r.auditVerify && auditVerifySection(r.auditVerify),
    r.profile && profileSection(r.profile),
    r.failures.length > 0 && ['## Not measured', '', ...r.failures.map((f) => `- ${f.measurement}: ${f.error}`)].join('\n'),
    r.crashes.length > 0 && ['## Stack processes that stopped during the run', '', ...r.crashes.map((c) => `- ${c}`)].join('\n'),
  ].filter((s): s is string => typeof s === 'string');
  return [...head, '', ...sections.flatMap((s) => [s, ''])].join('\n');
}

type ChartModule = { renderThroughputChart(points: { concurrency: number; series: string; perSecond: number }[], subtitle: string): Promise<string> };
// A real import(): compiled TypeScript would turn `import()` into require(), which cannot load vega.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<ChartModule>;

export async function throughputChart(r: BenchResults): Promise<string | null> {
  if (!r.caseStarts || r.caseStarts.length === 0) return null;
  const { renderThroughputChart } = await importEsm(pathToFileURL(join(__dirname, 'throughput-chart.mjs')).href);
  const points = r.caseStarts.flatMap((row) => [
    { concurrency: row.concurrency, series: 'POST /api/cases (product)', perSecond: row.ours.perSecond },
    { concurrency: row.concurrency, series: 'bare workflow start', perSecond: row.bare.perSecond },
  ]);
  return renderThroughputChart(points.filter((p) => p.perSecond > 0), `${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.machine.cpus} cores, ${r.options.startSeconds} s per point${r.stack.profiled ? ', profiled' : ''}`);
}

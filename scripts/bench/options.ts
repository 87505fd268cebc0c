import { parseArgs } from 'node:util';

export interface BenchOptions {
  startConcurrency: number[];
  startSeconds: number;
  roundTrips: number;
  lifecycleConcurrency: number[];
  lifecycleSeconds: number;
  readRates: number[];
  readSeconds: number;
  readConnections: number;
  timelineEvents: number;
  openCases: number;
  verifyEvents: number;
  profile: boolean;
  logLevel: string;
  keepData: boolean;
  /** dev: the stack `npm start` runs; cluster: the production topology (see cluster-stack.ts). */
  topology: 'dev' | 'cluster';
  apiUrl?: string;
  temporalAddress?: string;
  databaseUrl?: string;
  apiPid?: number;
  workerPid?: number;
}

export const HELP = `npm run bench [-- flags]: the running product's throughput, latency and memory on this machine.

Starts its own stack (embedded PostgreSQL, Temporal dev server, worker and API as \`npm start\`
runs them) on free loopback ports in .data/bench/<time>/, measures, and stops it all. Writes
.data/bench/results.md (also printed), results.json and throughput.svg. Figures only: it never
fails on timing. Defaults take about 6-8 minutes on 2 cores.

Case starts (POST /api/cases) beside bare Temporal workflow starts:
  --start-concurrency LIST   concurrent clients, e.g. 1,4,16,32            (default 1,4,16,32)
  --start-seconds N          seconds per concurrency and side              (default 8)
Command round trip (save a roadmap draft) beside a bare Temporal update:
  --round-trips N            sequential round trips per side               (default 200)
First-half lifecycles (creation to approved government decision, all roles, over HTTP):
  --lifecycle-concurrency L  concurrent lifecycles                         (default 1,4,8)
  --lifecycle-seconds N      seconds per concurrency (runs finish after)   (default 20)
Memory of API and worker:
  --open-cases N             open cases (started through the API) when RSS is read (default 1000;
                             opening them stops after 150 s on a slow or busy machine)
Read latency at fixed request rates (autocannon, rate-limited like -R):
  --read-rates LIST          requests per second, e.g. 20,100              (default 20,100)
  --read-seconds N           seconds per endpoint and rate                 (default 6)
  --read-connections N       connections autocannon keeps open             (default 16)
  --timeline-events N        audit events of the case whose timeline is read (default 10000)
Audit chain verification:
  --verify-events N          events of the case that is verified           (default 100000)
Topology of the stack it starts:
  --topology dev|cluster     dev: one worker, one API and the Temporal dev server, as \`npm start\`
                             runs them (default); cluster: the production topology, the Temporal
                             server v1.29.1 on PostgreSQL (4 history shards, docker-compose's own
                             configuration), two workers and two APIs, each request to the next API
Other:
  --profile                  CPU-profile API and worker (node --cpu-prof) during the case starts
                             and print the top self-time functions and modules
  --log-level LEVEL          LOG_LEVEL of API and worker                   (default info, as npm start)
  --keep-data                keep the database and Temporal files of the run (logs and profiles are kept anyway)
  --api-url URL              measure a running stack instead, e.g. http://127.0.0.1:3000/api
                             (dev login on, rate limit off); needs --temporal-address
  --temporal-address H:P     its Temporal frontend (for the bare comparisons)
  --database-url URL         its database as the application role: needed for the audit timeline and
                             verification measurements, skipped without it
  --api-pid N, --worker-pid N  its processes, for the memory measurement (skipped without them)
  -h, --help                 this text`;

const list = (value: string, flag: string): number[] => {
  const numbers = value.split(',').map((v) => Number(v.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${flag} must be a comma-separated list of positive whole numbers`);
  return numbers;
};
const count = (value: string, flag: string, min = 1): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be a whole number of at least ${min}`);
  return n;
};

/** The flags, checked; null when help was asked for. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'start-concurrency': { type: 'string', default: '1,4,16,32' },
      'start-seconds': { type: 'string', default: '8' },
      'round-trips': { type: 'string', default: '200' },
      'lifecycle-concurrency': { type: 'string', default: '1,4,8' },
      'lifecycle-seconds': { type: 'string', default: '20' },
      'read-rates': { type: 'string', default: '20,100' },
      'read-seconds': { type: 'string', default: '6' },
      'read-connections': { type: 'string', default: '16' },
      'timeline-events': { type: 'string', default: '10000' },
      'open-cases': { type: 'string', default: '1000' },
      'verify-events': { type: 'string', default: '100000' },
      profile: { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'info' },
      'keep-data': { type: 'boolean', default: false },
      topology: { type: 'string', default: 'dev' },
      'api-url': { type: 'string' },
      'temporal-address': { type: 'string' },
      'database-url': { type: 'string' },
      'api-pid': { type: 'string' },
      'worker-pid': { type: 'string' },
    },
  });
  if (values.help) return null;
  if (values['api-url'] && !values['temporal-address']) throw new Error('--api-url needs --temporal-address (the bare Temporal comparisons run against it)');
  if (values['temporal-address'] && !values['api-url']) throw new Error('--temporal-address is for a running stack: give --api-url too');
  if (values.profile && values['api-url']) throw new Error('--profile needs the stack the benchmark starts itself (leave out --api-url)');
  if (values.topology !== 'dev' && values.topology !== 'cluster') throw new Error('--topology must be dev or cluster');
  if (values.topology === 'cluster' && values['api-url']) throw new Error('--topology cluster starts its own stack: leave out --api-url');
  if (values.topology === 'cluster' && values.profile) throw new Error('--profile is for the dev topology (one API and one worker to profile)');
  return {
    startConcurrency: list(values['start-concurrency'], '--start-concurrency'),
    startSeconds: count(values['start-seconds'], '--start-seconds'),
    roundTrips: count(values['round-trips'], '--round-trips', 10),
    lifecycleConcurrency: list(values['lifecycle-concurrency'], '--lifecycle-concurrency'),
    lifecycleSeconds: count(values['lifecycle-seconds'], '--lifecycle-seconds'),
    readRates: list(values['read-rates'], '--read-rates'),
    readSeconds: count(values['read-seconds'], '--read-seconds'),
    readConnections: count(values['read-connections'], '--read-connections'),
    timelineEvents: count(values['timeline-events'], '--timeline-events'),
    openCases: count(values['open-cases'], '--open-cases', 0),
    verifyEvents: count(values['verify-events'], '--verify-events'),
    profile: values.profile,
    logLevel: values['log-level'],
    keepData: values['keep-data'],
    topology: values.topology,
    apiUrl: values['api-url']?.replace(/\/+$/, ''),
    temporalAddress: values['temporal-address'],
    databaseUrl: values['database-url'],
    apiPid: values['api-pid'] ? count(values['api-pid'], '--api-pid') : undefined,
    workerPid: values['worker-pid'] ? count(values['worker-pid'], '--worker-pid') : undefined,
  };
}

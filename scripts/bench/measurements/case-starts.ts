/** 1. Case starts per second through the API beside bare Temporal workflow starts. */
import type { BenchContext, CreatedCase } from '../context';
import { withCpuUse, type CpuUse } from '../cpu-usage';
import { closedLoop, type LoopResult } from '../load';
import { newCase } from '../payloads';

export interface CaseStartRow {
  concurrency: number;
  ours: LoopResult;
  bare: LoopResult;
  /** ours per second / bare per second */
  ratio: number;
  /** Cores each process kept busy during the run: what limits the throughput. */
  cpu: { ours: CpuUse; bare: CpuUse };
}

export async function measureCaseStarts(ctx: BenchContext): Promise<{ rows: CaseStartRow[]; caseIds: string[] }> {
  const { api, bare, options, progress, stack } = ctx;
  const caseIds: string[] = [];
  const start = async (label: string) => {
    const created = await api.post<CreatedCase>('handler', 'cases', newCase(label));
    caseIds.push(created.id);
  };
  // Warm-up: the first calls load code paths, open pools and fill the workflow cache.
  progress.step('case starts: warm-up', 3);
  for (let i = 0; i < 3; i++) await start(`Bench warm-up ${i + 1}`);
  for (let i = 0; i < 10; i++) await bare.startEmpty();

  const rows: CaseStartRow[] = [];
  for (const concurrency of options.startConcurrency) {
    progress.step(`case starts: POST /api/cases, ${concurrency} concurrent`, options.startSeconds);
    const ours = await withCpuUse(stack.pids, () => closedLoop(concurrency, options.startSeconds, (client, i) => start(`Bench-cluster c${concurrency}-${client}-${i}`)));
    progress.step(`case starts: bare workflow starts, ${concurrency} concurrent`, options.startSeconds);
    const bareRun = await withCpuUse(stack.pids, () => closedLoop(concurrency, options.startSeconds, () => bare.startEmpty()));
    rows.push({
      concurrency,
      ours: ours.result,
      bare: bareRun.result,
      ratio: bareRun.result.perSecond > 0 ? ours.result.perSecond / bareRun.result.perSecond : 0,
      cpu: { ours: ours.cpu, bare: bareRun.cpu },
    });
  }
  return { rows, caseIds };
}

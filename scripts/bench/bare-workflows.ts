/**
 * The least a workflow can be, as the yardstick for the case workflow: bundled alone for the
 * benchmark's own worker on its own task queue.
 */
import { condition, defineSignal, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { FloorActivities } from './floor-activity';

export const echoUpdate = defineUpdate<number, [number]>('echo');
/** An update whose handler runs one PostgreSQL transaction like a command's, as a regular activity. */
export const viaActivityUpdate = defineUpdate<number, [number]>('viaActivity');
/** The same transaction as a local activity (no activity task of its own). */
export const viaLocalActivityUpdate = defineUpdate<number, [number]>('viaLocalActivity');
export const finishSignal = defineSignal('finish');

const OPTIONS = { startToCloseTimeout: '30 seconds' } as const;
const regular = proxyActivities<FloorActivities>(OPTIONS);
const local = proxyLocalActivities<FloorActivities>(OPTIONS);

/** Starts and completes: what a bare workflow start costs. */
export async function benchEmptyWorkflow(): Promise<void> {}

/** Answers updates until told to finish: what a bare update round trip costs, with and without the database. */
export async function benchEchoWorkflow(): Promise<void> {
  let finished = false;
  setHandler(echoUpdate, (n) => n);
  setHandler(viaActivityUpdate, (n) => regular.floorTransaction(n));
  setHandler(viaLocalActivityUpdate, (n) => local.floorTransaction(n));
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}

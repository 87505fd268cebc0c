/**
 * The least a workflow can be, as the yardstick for the case workflow: bundled alone for the
 * benchmark's own worker on its own task queue.
 */
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const echoUpdate = defineUpdate<number, [number]>('echo');
export const finishSignal = defineSignal('finish');

/** Starts and completes: what a bare workflow start costs. */
export async function benchEmptyWorkflow(): Promise<void> {}

/** Answers updates until told to finish: what a bare update round trip costs. */
export async function benchEchoWorkflow(): Promise<void> {
  let finished = false;
  setHandler(echoUpdate, (n) => n);
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}

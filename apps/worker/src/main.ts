import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@cluster/config';
import { createCaseWorker } from './create-worker';
import { installTemporalLogging } from './temporal-logging';

async function main(): Promise<void> {
  const config = loadConfig();
  installTemporalLogging(config);
  const running = await createCaseWorker(config, config.TEMPORAL_WORKFLOW_BUNDLE ? { workflowBundle: { codePath: config.TEMPORAL_WORKFLOW_BUNDLE } } : {});
  const { worker, context } = running;
  context.get(Logger).log(`Worker polling task queue ${config.TEMPORAL_TASK_QUEUE} at ${config.TEMPORAL_ADDRESS}`, 'Worker');
  try {
    // Resolves after SIGINT/SIGTERM, once running activities and workflow tasks have finished.
    await worker.run();
  } finally {
    await running.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

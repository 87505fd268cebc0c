import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@cluster/config';
import { createCaseWorker } from './create-worker';
import { installTemporalLogging } from './temporal-logging';

async function main(): Promise<void> {
  const config = loadConfig();
  installTemporalLogging(config);
  const { worker, context, connection } = await createCaseWorker(config);
  context.get(Logger).log(`Worker polling task queue ${config.TEMPORAL_TASK_QUEUE} at ${config.TEMPORAL_ADDRESS}`, 'Worker');
  try {
    // Resolves after SIGINT/SIGTERM, once running activities and workflow tasks have finished.
    await worker.run();
  } finally {
    await connection.close();
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { ConfigError, loadConfig } from '@cluster/config';
import { createCaseWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const { worker, context, connection } = await createCaseWorker(config);
  console.log(JSON.stringify({ level: 'info', service: 'worker', msg: `Worker polling task queue ${config.TEMPORAL_TASK_QUEUE} at ${config.TEMPORAL_ADDRESS}` }));
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

import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@cluster/config';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`API listening on http://${config.HOST}:${config.PORT}/api`, 'Api');
}

main().catch((error: unknown) => {
  // A bad variable stops start-up with its name, and nothing else.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

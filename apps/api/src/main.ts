import { ConfigError, loadConfig } from '@cluster/config';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(JSON.stringify({ level: 'info', service: 'api', msg: `API listening on http://${config.HOST}:${config.PORT}/api` }));
}

main().catch((error: unknown) => {
  // A bad variable stops start-up with its name, and nothing else.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'temporal-dynamic-config.json');

/** `--dynamic-config-value key=value` for each entry of temporal-dynamic-config.json (its "//" is the comment). */
export function temporalDynamicConfigArgs() {
  const config = JSON.parse(readFileSync(FILE, 'utf8'));
  return Object.entries(config)
    .filter(([key]) => key !== '//')
    .flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
}

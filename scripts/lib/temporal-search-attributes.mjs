import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'temporal-search-attributes.json');

/** The case workflows' custom search attributes: name → Temporal type (its "//" is the comment). */
export function temporalSearchAttributes() {
  const list = JSON.parse(readFileSync(FILE, 'utf8'));
  return Object.fromEntries(Object.entries(list).filter(([name]) => name !== '//'));
}

/** `--search-attribute Name=Type` for each, as `temporal server start-dev` registers them. */
export function temporalSearchAttributeArgs() {
  return Object.entries(temporalSearchAttributes()).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
}

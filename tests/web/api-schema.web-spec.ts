import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startHttpStack, type HttpStack } from '../support/http-stack';

/**
 * The web app's API types are generated, never hand-written: the committed schema.d.ts must be
 * exactly what openapi-typescript makes of the live OpenAPI document (as `npm run web:api-types`).
 */
const ROOT = resolve(__dirname, '..', '..');
const SCHEMA = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.d.ts');

/**
 * openapi-typescript's own CLI, given the document on stdin: exactly what `npm run web:api-types`
 * runs. (Its programmatic API cannot load inside Jest: it requires ESM-only dependencies.)
 */
function generate(document: unknown): string {
  const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli], { cwd: ROOT, input: JSON.stringify(document), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`openapi-typescript failed (exit ${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** Line endings, trailing spaces and blank lines do not count. */
const normalise = (text: string) =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n');

describe('the web app API types', () => {
  let s: HttpStack;

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('apps/web/src/api/schema.d.ts matches the live OpenAPI document', async () => {
    const document = (await s.http().get('/api/docs-json').expect(200)).body;
    const generated = generate(document);
    const committed = readFileSync(SCHEMA, 'utf8');
    if (normalise(generated) !== normalise(committed)) {
      // Kept for a diff: diff .data/artifacts/schema.generated.d.ts apps/web/src/api/schema.d.ts
      mkdirSync(join(ROOT, '.data', 'artifacts'), { recursive: true });
      writeFileSync(join(ROOT, '.data', 'artifacts', 'schema.generated.d.ts'), generated);
      const [g, c] = [normalise(generated).split('\n'), normalise(committed).split('\n')];
      const first = g.findIndex((line, i) => line !== c[i]);
      const at = first === -1 ? Math.min(g.length, c.length) : first;
      throw new Error(
        `apps/web/src/api/schema.d.ts is out of date with the API: run npm run web:api-types (with the product running).\n` +
          `First difference at line ${at + 1} (normalised):\n  generated: ${g[at] ?? '(end)'}\n  committed: ${c[at] ?? '(end)'}\n` +
          `(generated file: .data/artifacts/schema.generated.d.ts)`,
      );
    }
  });
});

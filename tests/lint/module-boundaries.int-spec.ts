import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/** Lints `code` as if it were the file at `path`, with the repository's real ESLint config. */
async function lintAs(path: string, code: string): Promise<string> {
  const child = run(join(root, 'node_modules', '.bin', 'eslint'), ['--stdin', '--stdin-filename', path, '--format', 'json'], { cwd: root });
  child.child.stdin!.end(code);
  const output = await child.then((r) => r.stdout, (e: { stdout: string }) => e.stdout);
  const [result] = JSON.parse(output) as { messages: { ruleId: string; message: string }[] }[];
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n');
}

/** The import rules of ARCHITECTURE.md, checked against the lint that CI runs. */
describe('module boundaries (npm run lint)', () => {
  it('rejects what each layer may not import, and accepts what it may', async () => {
    const [workflowPersistence, workflowActivityValue, domainNest, workflowActivityType] = await Promise.all([
      lintAs('workflows/src/probe.ts', `import { Database } from '@cluster/persistence';\nexport const x = Database;\n`),
      lintAs('workflows/src/probe.ts', `import { createCaseActivities } from '@cluster/activities';\nexport const x = createCaseActivities;\n`),
      lintAs('libs/domain/src/probe.ts', `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`),
      lintAs('workflows/src/probe.ts', `import type { CaseActivities } from '@cluster/activities';\nexport type X = CaseActivities;\n`),
    ]);
    expect(workflowPersistence).toMatch(/enforce-module-boundaries/);
    expect(workflowActivityValue).toMatch(/no-restricted-imports: .*by type only/);
    expect(domainNest).toMatch(/enforce-module-boundaries/);
    expect(workflowActivityType).toBe('');
  }, 120_000);
});

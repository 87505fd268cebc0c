import { join } from 'node:path';
import { findEnglishOnly, findEnglishOnlyIn, sourceFiles, type Finding } from './bilingual-messages';

const root = join(__dirname, '..', '..');

/**
 * Messages no person reads, so English is enough: `file` and the exact literal text (template
 * substitutions read as "…"). Empty today: every DomainError can reach an HTTP answer (the error
 * filter passes even an INTERNAL_ERROR's message on), so each one is written for a person.
 */
const LOG_ONLY: { file: string; text: string }[] = [];

const allowed = (f: Finding) => LOG_ONLY.some((l) => l.file === f.file && l.text === f.text);

describe('messages for people are "Nederlands. / English."', () => {
  it('holds for every literal DomainError message and field error in libs/, apps/api/src, workflows/src and activities/src', () => {
    const files = sourceFiles(root, ['libs', 'apps/api/src', 'workflows/src', 'activities/src']);
    expect(files.length).toBeGreaterThan(100);
    const offending = findEnglishOnlyIn(root, files)
      .filter((f) => !allowed(f))
      .map((f) => `${f.file}:${f.line} (${f.kind}) ${f.text}`);
    expect(offending).toEqual([]);
  });

  it('still needs its allow-list: each entry matches something that is English only', () => {
    // A stale entry would hide a future English-only message in that file; drop it once converted.
    const findings = findEnglishOnlyIn(root, sourceFiles(root, ['libs', 'apps/api/src']));
    for (const l of LOG_ONLY) expect([l, findings.some((f) => f.file === l.file && f.text === l.text)]).toEqual([l, true]);
  });

  it('catches what it is for, in every form a message is written', () => {
    const found = findEnglishOnly(
      'libs/cases/src/probe.ts',
      [
        `throw new DomainError('CONFLICT', 'The case is busy.');`,
        'throw new DomainError(\n  "NOT_FOUND",\n  `Case ${id} does not exist.`,\n);',
        `throw new DomainError('VALIDATION_FAILED', 'Het veld ontbreekt. / The field is missing.', [{ field: 'x', messages: ['x is required'] }]);`,
        `problems.push({ field: 'y', messages: [\`y must be one of \${list}\`] });`,
        `throw new DomainError('CONFLICT', done ? 'Al gedaan. / Done already.' : 'Not yet.');`,
        `throw new DomainError('CONFLICT', 'Het dossier ' + name + ' is bezet. / The case ' + name + ' is busy.');`,
        `throw new DomainError('FORBIDDEN', refusalText(RULES.readCase.refusal));`,
        `throw new DomainError('CONFLICT', \`Dossier \${id} is bezet. / Case \${id} is busy.\`, [{ field: 'id', messages: [\`\${nl} / \${en}\`] }]);`,
        `if (!registered) throw stageConflict('The case is not registered yet.');`,
        `throw forbidden(\`Alleen \${who}. / Only \${who}.\`);`,
      ].join('\n'),
    );
    expect(found.map((f) => [f.line, f.kind, f.text])).toEqual([
      [1, 'message', 'The case is busy.'],
      [4, 'message', 'Case … does not exist.'],
      [6, 'fieldErrors', 'x is required'],
      [7, 'fieldErrors', 'y must be one of …'],
      [8, 'message', 'Not yet.'],
      [12, 'message', 'The case is not registered yet.'],
    ]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CONCLUSION_OUTCOMES, TRAJECTORY_OUTCOMES } from '@cluster/domain';

/**
 * Every audit action the backend can write has words in the web app, in Dutch and in English, so
 * the timeline says "Adviesronde geopend" and not `advice.round_opened`. The actions are read from
 * the code that writes them (`action: '…'`, either side of a `? :`, and the templates below), so a
 * new action fails here until it has its words.
 */
const ROOT = resolve(__dirname, '..', '..');
const BACKEND = ['libs', 'activities', 'workflows', 'apps/api/src', 'apps/worker/src'].map((d) => join(ROOT, d));
const LOCALES = join(ROOT, 'apps', 'web', 'src', 'i18n', 'locales');

/** Actions written from a template: the values its placeholder takes. */
const TEMPLATES: Record<string, readonly string[]> = {
  'assessment.concluded_${outcome}': CONCLUSION_OUTCOMES,
  'trajectory.evaluated_${outcome}': TRAJECTORY_OUTCOMES,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'migrations') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(spec|spec-helper|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** The actions the backend writes, with where each is written. */
function writtenActions(): { actions: Map<string, string>; unknownTemplates: string[] } {
  const actions = new Map<string, string>();
  const unknownTemplates: string[] = [];
  for (const file of BACKEND.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    // `action:` then its expression up to the end of the property (a comma at the end of a line).
    for (const m of text.matchAll(/\baction:\s*([^\n]*?),?\s*$/gm)) {
      const expression = m[1]!;
      for (const literal of expression.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.set(literal[1]!, where);
      for (const template of expression.matchAll(/`([^`]*\$\{[^`]*)`/g)) {
        const values = TEMPLATES[template[1]!];
        if (!values) unknownTemplates.push(`${where}: ${template[1]}`);
        else for (const v of values) actions.set(template[1]!.replace(/\$\{[^}]+\}/, v), where);
      }
    }
  }
  return { actions, unknownTemplates };
}

type Tree = { [key: string]: string | Tree };
const wordsOf = (lang: string): Tree => (JSON.parse(readFileSync(join(LOCALES, lang, 'audit.json'), 'utf8')) as { auditAction: Tree }).auditAction;
const lookup = (tree: Tree, action: string): unknown => action.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

describe('audit actions in words', () => {
  const { actions, unknownTemplates } = writtenActions();

  it('finds the actions the backend writes (so the scan cannot quietly find none)', () => {
    expect(unknownTemplates).toEqual([]);
    expect([...actions.keys()]).toEqual(expect.arrayContaining(['case.created', 'advice.round_opened', 'assessment.concluded_reject', 'trajectory.evaluated_extend', 'approval.sent_back', 'term.reminder_sent', 'budget.earmark_released']));
    expect(actions.size).toBeGreaterThan(40);
  });

  it.each(['nl', 'en'])('%s: has words for every one of them', (lang) => {
    const words = wordsOf(lang);
    const missing = [...actions].filter(([action]) => typeof lookup(words, action) !== 'string' || String(lookup(words, action)).trim() === '').map(([action, where]) => `${action} (${where})`);
    expect(missing).toEqual([]);
  });

  it('says each action differently in Dutch and English, and never as its code', () => {
    const [nl, en] = [wordsOf('nl'), wordsOf('en')];
    for (const action of actions.keys()) {
      const [n, e] = [lookup(nl, action), lookup(en, action)];
      expect({ action, same: n === e, code: n === action || e === action }).toEqual({ action, same: false, code: false });
    }
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Every visible text of the web app comes from the translation files: the two languages have the
 * same files and the same keys, no text is empty, and every key the code asks for exists.
 */
const WEB_SRC = resolve(__dirname, '..', '..', 'apps', 'web', 'src');
const LOCALES = join(WEB_SRC, 'i18n', 'locales');
const LANGUAGES = ['nl', 'en'] as const;

type Tree = { [key: string]: string | Tree };

const areaFiles = (lang: string) => readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json')).sort();
const readArea = (lang: string, file: string): Tree => JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'));

/** Dotted paths of every text (leaf) in a tree, with its value. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('web app translations', () => {
  it('has the same area files in Dutch and English', () => {
    expect(areaFiles('en')).toEqual(areaFiles('nl'));
  });

  it.each(areaFiles('nl'))('%s: the same keys in both languages, and no empty text', (file) => {
    const [nl, en] = LANGUAGES.map((lang) => new Map(leaves(readArea(lang, file))));
    expect({ onlyInDutch: [...nl.keys()].filter((k) => !en.has(k)), onlyInEnglish: [...en.keys()].filter((k) => !nl.has(k)) }).toEqual({ onlyInDutch: [], onlyInEnglish: [] });
    for (const lang of [nl, en]) {
      const notText = [...lang].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect({ file, emptyOrNotText: notText }).toEqual({ file, emptyOrNotText: [] });
    }
  });

  it.each(LANGUAGES)('%s: each area file has its own top-level keys (merged files never overwrite each other)', (lang) => {
    const owners = new Map<string, string[]>();
    for (const file of areaFiles(lang)) for (const key of Object.keys(readArea(lang, file))) owners.set(key, [...(owners.get(key) ?? []), file]);
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it("has every key the code asks for with t('…') in Dutch (and so, by the test above, in English)", () => {
    const known = new Set(areaFiles('nl').flatMap((file) => leaves(readArea('nl', file)).map(([key]) => key)));
    // i18next plurals: t('x', { count }) reads x_one / x_other.
    const exists = (key: string) => known.has(key) || ['_zero', '_one', '_other'].some((suffix) => known.has(key + suffix));
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(WEB_SRC)) {
      const text = readFileSync(file, 'utf8');
      // Literal keys only: t(`role.${r}`) and other template literals are dynamic and skipped.
      for (const match of text.matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)) {
        used++;
        if (!exists(match[2]!)) missing.push(`${relative(WEB_SRC, file)}: ${match[2]}`);
      }
    }
    expect(used).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One term per concept in the Dutch of the web app, and one form of address: "u", as a Flemish
 * administration writes to the people it serves. The chosen term is the concept note's where it
 * has one (routekaart, partnerschapsovereenkomst); every other word for the same thing fails here.
 */
const NL = resolve(__dirname, '..', '..', 'apps', 'web', 'src', 'i18n', 'locales', 'nl');

/** Concept → the term the app uses, and what it must not say instead (whole words, any case). */
const TERMS: Record<string, { term: string; not: RegExp }> = {
  roadmap: { term: 'routekaart', not: /\b\w*roadmaps?\w*\b/i },
  'partnership agreement': { term: 'partnerschapsovereenkomst', not: /\b(samenwerkings|partner|partnership|clusterpartnership)overeenkomst(en)?\b/i },
  'project portfolio': { term: 'projectportefeuille', not: /\b\w*portfolio\w*\b|\bprojectenportefeuille\b/i },
  'test trajectory': { term: 'testtraject', not: /\b(pilottraject|proeftraject|testtracé)\w*\b/i },
  'account manager': { term: 'accountmanager', not: /\b(account manager|account-manager|relatiebeheerder)\b/i },
};
/** The informal "je/jij" and its forms: the app says "u" and "uw". */
const INFORMAL = /\b(je|jij|jou|jouw|jouwe|jezelf|jullie|jij\w*)\b/i;

type Tree = { [key: string]: string | Tree };
function texts(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : texts(value, `${prefix}${key}.`)));
}
const all = readdirSync(NL)
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => texts(JSON.parse(readFileSync(join(NL, file), 'utf8')) as Tree).map(([key, text]) => ({ where: `${file}: ${key}`, text })));

describe('the Dutch of the web app', () => {
  it('reads its texts (so the checks below cannot pass on nothing)', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it.each(Object.entries(TERMS))('says %s one way: %o', (_concept, { term, not }) => {
    expect(all.filter((t) => not.test(t.text)).map((t) => `${t.where}: ${t.text}`)).toEqual([]);
    expect(all.some((t) => t.text.toLowerCase().includes(term))).toBe(true);
  });

  it('addresses the user as "u", never as "je" or "jij"', () => {
    expect(all.filter((t) => INFORMAL.test(t.text)).map((t) => `${t.where}: ${t.text}`)).toEqual([]);
    expect(all.some((t) => /\b(u|uw)\b/i.test(t.text))).toBe(true);
  });
});

import { formatDate } from '../../../format';
import { isOpen, type Open } from '../open';

/** The roadmap's fields in the order of the form (DOMAIN.md step 1); unknown fields follow. */
export const ROADMAP_FIELDS = [
  'baseline',
  'vision',
  'horizonYear',
  'objectives',
  'milestones',
  'commitments',
  'projectPortfolio',
  'internationalRoadmapLinks',
  'europeanLinks',
  'societalChallenges',
] as const;

/** Names for the codes a roadmap holds (its European links), from reference data; codes are never shown. */
export interface LinkWords {
  partnership: (code: string) => string;
  nature: (code: string) => string;
}

export function fieldsOf(...contents: Open[]): string[] {
  const extra = new Set(contents.flatMap((c) => Object.keys(c)).filter((k) => !(ROADMAP_FIELDS as readonly string[]).includes(k)));
  return [...ROADMAP_FIELDS, ...extra];
}

/** One field as lines of text, the unit of the comparison. */
export function linesOf(value: unknown, words?: LinkWords): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') return value.split(/\r?\n/);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => linesOf(itemText(item, words)));
  return [JSON.stringify(value)];
}

function itemText(item: unknown, words?: LinkWords): unknown {
  if (!isOpen(item)) return item;
  // European links: "partnership — nature — note", in words.
  if (typeof item.partnershipCode === 'string' && typeof item.nature === 'string') {
    const parts = [words ? words.partnership(item.partnershipCode) : item.partnershipCode, words ? words.nature(item.nature) : item.nature];
    return (typeof item.note === 'string' && item.note ? [...parts, item.note] : parts).join(' — ');
  }
  // Milestones: "title (30/06/2028)"; commitments: "actor: commitment"; others: their values.
  if (typeof item.title === 'string' && typeof item.dueDate === 'string') return `${item.title} (${formatDate(item.dueDate)})`;
  if (typeof item.actor === 'string' && typeof item.commitment === 'string') return `${item.actor}: ${item.commitment}`;
  return Object.values(item)
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)))
    .join(' — ');
}

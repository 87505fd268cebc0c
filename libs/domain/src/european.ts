import { isCalendarDate } from './calendar-date';
import type { FieldError } from './errors';
import type { LocalizedText } from './policy';

/**
 * European alignment (issue 14, criterion 2 and the concept note's coordination step): the
 * European strategic partnerships and platforms a Flemish roadmap aligns with, as reference data,
 * and the roadmap's structured links to them.
 *
 * The kinds are a fixed list (the families of European instruments the policy knows; a new family
 * is a product change: it gets words and a place in the screens); the partnerships themselves and
 * the natures of a link are reference data, versioned with the rest.
 */
export const PARTNERSHIP_KINDS = ['s3_thematic_platform', 'eit_kic', 'horizon_europe_partnership', 'ipcei', 'other'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export const PARTNERSHIP_KIND_WORDS: Record<PartnershipKind, LocalizedText> = {
  s3_thematic_platform: { nl: 'S3 thematisch platform', en: 'S3 thematic platform' },
  eit_kic: { nl: 'EIT-kennis- en innovatiegemeenschap (KIC)', en: 'EIT knowledge and innovation community (KIC)' },
  horizon_europe_partnership: { nl: 'Europees partnerschap onder Horizon Europe', en: 'Horizon Europe partnership' },
  ipcei: { nl: 'Belangrijk project van gemeenschappelijk Europees belang (IPCEI)', en: 'Important project of common European interest (IPCEI)' },
  other: { nl: 'Ander Europees partnerschap', en: 'Other European partnership' },
};

export interface EuropeanPartnership {
  code: string;
  name: LocalizedText;
  kind: PartnershipKind;
  url?: string;
  /** When the partnership runs, inclusive ISO dates; either end may be open. */
  activeFrom?: string;
  activeTo?: string;
}

/**
 * The nature of a roadmap's link (member, aligned objectives, …). Reference data rather than a
 * fixed list: which relations count is a policy choice an administration refines (e.g. adding
 * "co-funded"), and a case keeps the words of the version it started with.
 */
export interface LinkNature {
  code: string;
  name: LocalizedText;
}

/** One link of a roadmap to a European partnership of its case's policy version. */
export interface EuropeanLink {
  partnershipCode: string;
  nature: string;
  note?: string;
}

const duplicates = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** Problems of the European reference data within a policy version (codes, kinds, periods). */
export function europeanReferenceProblems(partnerships: EuropeanPartnership[] | undefined, natures: LinkNature[] | undefined): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, nl: string, en: string) => problems.push({ field, messages: [`${nl} / ${en}`] });
  const ps = partnerships ?? [];
  const doubled = duplicates(ps.map((p) => p.code));
  if (doubled.length) add('europeanPartnerships', `Dubbele codes: ${doubled.join(', ')}.`, `Duplicate codes: ${doubled.join(', ')}.`);
  ps.forEach((p, i) => {
    if (!(PARTNERSHIP_KINDS as readonly string[]).includes(p.kind)) {
      add(`europeanPartnerships.${i}.kind`, `${p.code}: kies een soort uit ${PARTNERSHIP_KINDS.join(', ')}.`, `${p.code}: choose a kind from ${PARTNERSHIP_KINDS.join(', ')}.`);
    }
    for (const end of ['activeFrom', 'activeTo'] as const) {
      if (p[end] !== undefined && !isCalendarDate(p[end])) {
        add(`europeanPartnerships.${i}.${end}`, `${p.code}: geef een bestaande datum (JJJJ-MM-DD).`, `${p.code}: give a real date (YYYY-MM-DD).`);
      }
    }
    if (p.activeFrom && p.activeTo && isCalendarDate(p.activeFrom) && isCalendarDate(p.activeTo) && p.activeFrom > p.activeTo) {
      add(`europeanPartnerships.${i}.activeTo`, `${p.code}: het einde ligt niet vóór het begin.`, `${p.code}: the end is not before the start.`);
    }
  });
  const doubledNatures = duplicates((natures ?? []).map((n) => n.code));
  if (doubledNatures.length) add('linkNatures', `Dubbele codes: ${doubledNatures.join(', ')}.`, `Duplicate codes: ${doubledNatures.join(', ')}.`);
  if (ps.length > 0 && (natures ?? []).length === 0) {
    add('linkNatures', 'Wie Europese partnerschappen opneemt, geeft ook de aard van een koppeling (bv. lid, afgestemde doelstellingen).', 'Listing European partnerships needs the natures of a link too (e.g. member, aligned objectives).');
  }
  return problems;
}

/** The 400's own sentence when a link does not fit the case's reference data (the fields say which). */
export const EUROPEAN_LINKS_REFUSAL =
  "Een koppeling met een Europees partnerschap klopt niet met de referentiegegevens van dit dossier; kies partnerschap en aard uit de lijst. / A link to a European partnership does not match this case's reference data; choose the partnership and nature from the list.";

/**
 * A roadmap's links against its case's policy version: each names a partnership and a nature of
 * that version, a partnership at most once. Fields as `europeanLinks.N.partnershipCode`.
 */
export function europeanLinkProblems(
  links: EuropeanLink[] | undefined,
  policy: { europeanPartnerships?: EuropeanPartnership[]; linkNatures?: LinkNature[] },
  policyVersion: number,
): FieldError[] {
  const problems: FieldError[] = [];
  const partnerships = (policy.europeanPartnerships ?? []).map((p) => p.code);
  const natures = (policy.linkNatures ?? []).map((n) => n.code);
  const seen = new Set<string>();
  (links ?? []).forEach((link, i) => {
    if (!partnerships.includes(link.partnershipCode)) {
      problems.push({
        field: `europeanLinks.${i}.partnershipCode`,
        messages: [
          partnerships.length
            ? `${link.partnershipCode} is geen Europees partnerschap van beleidsversie ${policyVersion}; kies er een uit de lijst. / ${link.partnershipCode} is not a European partnership of policy version ${policyVersion}; choose one from the list.`
            : `Beleidsversie ${policyVersion} van dit dossier kent geen Europese partnerschappen; vermeld de koppeling bij de andere internationale roadmaps. / Policy version ${policyVersion} of this case lists no European partnerships; name the link under the other international roadmaps.`,
        ],
      });
    } else if (seen.has(link.partnershipCode)) {
      problems.push({
        field: `europeanLinks.${i}.partnershipCode`,
        messages: [`${link.partnershipCode} staat al in de lijst; een partnerschap komt één keer voor. / ${link.partnershipCode} is listed already; a partnership appears once.`],
      });
    }
    seen.add(link.partnershipCode);
    if (!natures.includes(link.nature)) {
      problems.push({
        field: `europeanLinks.${i}.nature`,
        messages: [`Kies de aard van de koppeling uit de referentiegegevens (${natures.join(', ') || '—'}). / Choose the nature of the link from the reference data (${natures.join(', ') || '—'}).`],
      });
    }
  });
  return problems;
}

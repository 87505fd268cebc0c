import type { EuropeanLink, EuropeanPartnership, LinkNature } from './european';
import type { LocalizedText } from './policy';
import type { CaseStage } from './stages';

/** A case's latest submitted roadmap, with the reference data of the case's own policy version. */
export interface LinkedRoadmap {
  caseId: string;
  clusterName: string;
  stage: CaseStage;
  roadmapVersion: number;
  policyVersion: number;
  links: EuropeanLink[];
  /** The case's own version's partnerships and natures: a link is named as it was made. */
  partnerships: EuropeanPartnership[];
  natures: LinkNature[];
}

export interface CoverageLink {
  caseId: string;
  clusterName: string;
  stage: CaseStage;
  roadmapVersion: number;
  nature: string;
  natureName: LocalizedText;
  note: string | null;
}

export interface PartnershipCoverage {
  partnership: EuropeanPartnership;
  /** False for a partnership linked under an older version that the newest one no longer lists. */
  inLatestCatalogue: boolean;
  links: CoverageLink[];
  /** Distinct clusters (cases) linking to it. */
  clusterCount: number;
  overlap: boolean;
}

export interface EuropeanCoverage {
  partnerships: PartnershipCoverage[];
  /** Partnerships two or more clusters link to, most clusters first. */
  overlaps: { partnershipCode: string; caseIds: string[] }[];
  coveredCount: number;
  uncoveredCount: number;
  /** Cases whose latest submitted roadmap links to no partnership. */
  casesWithoutLinks: { caseId: string; clusterName: string; roadmapVersion: number }[];
}

const byName = (a: { name: LocalizedText }, b: { name: LocalizedText }) => a.name.nl.localeCompare(b.name.nl, 'nl');

/**
 * Which European partnerships the Flemish portfolio covers, and where clusters overlap. The
 * catalogue is the newest version's list; a partnership linked under an older version and dropped
 * since stays listed (named from that version), so no link disappears from the overview. Pure:
 * the API gathers the roadmaps, this decides what they add up to.
 */
export function europeanCoverage(catalogue: EuropeanPartnership[], roadmaps: LinkedRoadmap[]): EuropeanCoverage {
  const entries = new Map<string, PartnershipCoverage>();
  for (const p of catalogue) entries.set(p.code, { partnership: p, inLatestCatalogue: true, links: [], clusterCount: 0, overlap: false });
  const casesWithoutLinks: EuropeanCoverage['casesWithoutLinks'] = [];

  for (const r of roadmaps) {
    if (r.links.length === 0) casesWithoutLinks.push({ caseId: r.caseId, clusterName: r.clusterName, roadmapVersion: r.roadmapVersion });
    for (const link of r.links) {
      let entry = entries.get(link.partnershipCode);
      if (!entry) {
        const own = r.partnerships.find((p) => p.code === link.partnershipCode);
        const partnership: EuropeanPartnership = own ?? { code: link.partnershipCode, name: { nl: link.partnershipCode, en: link.partnershipCode }, kind: 'other' };
        entry = { partnership, inLatestCatalogue: false, links: [], clusterCount: 0, overlap: false };
        entries.set(link.partnershipCode, entry);
      }
      const nature = r.natures.find((n) => n.code === link.nature);
      entry.links.push({
        caseId: r.caseId,
        clusterName: r.clusterName,
        stage: r.stage,
        roadmapVersion: r.roadmapVersion,
        nature: link.nature,
        natureName: nature?.name ?? { nl: link.nature, en: link.nature },
        note: link.note ?? null,
      });
    }
  }

  const partnerships = [...entries.values()].map((e) => {
    const clusters = new Set(e.links.map((l) => l.caseId));
    const links = [...e.links].sort((a, b) => a.clusterName.localeCompare(b.clusterName, 'nl') || a.caseId.localeCompare(b.caseId));
    return { ...e, links, clusterCount: clusters.size, overlap: clusters.size >= 2 };
  });
  // Covered first (most clusters first), then the uncovered, each by name.
  partnerships.sort((a, b) => b.clusterCount - a.clusterCount || byName(a.partnership, b.partnership));

  return {
    partnerships,
    overlaps: partnerships
      .filter((p) => p.overlap)
      .map((p) => ({ partnershipCode: p.partnership.code, caseIds: [...new Set(p.links.map((l) => l.caseId))] })),
    coveredCount: partnerships.filter((p) => p.clusterCount > 0).length,
    uncoveredCount: partnerships.filter((p) => p.clusterCount === 0).length,
    casesWithoutLinks: casesWithoutLinks.sort((a, b) => a.clusterName.localeCompare(b.clusterName, 'nl')),
  };
}

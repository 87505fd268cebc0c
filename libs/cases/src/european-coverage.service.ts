import { Injectable } from '@nestjs/common';
import { europeanCoverage, type EuropeanCoverage, type LinkedRoadmap } from '@cluster/domain';
import { Database } from '@cluster/persistence';

/**
 * The European alignment of the Flemish portfolio (issue 14): per partnership of the newest
 * reference data, which open cases' latest submitted roadmaps link to it and how, and where
 * clusters overlap. The reading is here; what it adds up to is europeanCoverage (libs/domain).
 */
@Injectable()
export class EuropeanCoverageService {
  constructor(private readonly db: Database) {}

  async coverage(): Promise<EuropeanCoverage & { policyVersion: number | null }> {
    return this.db.read(async (repos) => {
      const [latest, submitted] = await Promise.all([repos.policies.latest(), repos.roadmaps.europeanLinksOfOpenCases()]);
      // Each case's links are named from its own version (a few versions, read once each).
      const versions = new Map<number, Awaited<ReturnType<typeof repos.policies.get>>>();
      for (const v of new Set(submitted.filter((s) => s.links.length).map((s) => s.policyVersion))) versions.set(v, await repos.policies.get(v));
      const roadmaps: LinkedRoadmap[] = submitted.map((s) => ({
        caseId: s.caseId,
        clusterName: s.clusterName,
        stage: s.stage,
        roadmapVersion: s.version,
        policyVersion: s.policyVersion,
        links: s.links,
        partnerships: versions.get(s.policyVersion)?.content.europeanPartnerships ?? [],
        natures: versions.get(s.policyVersion)?.content.linkNatures ?? [],
      }));
      return { policyVersion: latest?.version ?? null, ...europeanCoverage(latest?.content.europeanPartnerships ?? [], roadmaps) };
    });
  }
}

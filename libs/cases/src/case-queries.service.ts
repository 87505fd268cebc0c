import { Injectable } from '@nestjs/common';
import { DomainError, type CaseView, type ObjectFacts } from '@cluster/domain';
import { Database, type CaseListFilter, type RoadmapVersionEntity } from '@cluster/persistence';
import { toCaseView } from './case-view';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Reads for the API. They come from PostgreSQL only, never from Temporal. */
@Injectable()
export class CaseQueriesService {
  constructor(private readonly db: Database) {}

  async get(caseId: string): Promise<CaseView> {
    return this.db.read(async (repos) => {
      const row = await repos.cases.findById(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      return toCaseView(row, await repos.tasks.listOpenForCase(caseId));
    });
  }

  /**
   * What the permissions table needs to know of a case (permissions.ts, ObjectFacts): its account
   * manager and stand-in, every assessor assigned to the submitted roadmap version, and the signers
   * of the agreement version awaiting signatures.
   */
  async accessFacts(view: Pick<CaseView, 'id' | 'accountManagerId' | 'standInId'>): Promise<NonNullable<ObjectFacts['case']>> {
    const relations = await this.db.read((repos) => repos.cases.relations(view.id));
    return {
      id: view.id,
      accountManagerId: view.accountManagerId,
      standInId: view.standInId,
      assessorIds: relations?.assessorIds ?? [],
      signerIds: relations?.signerIds ?? [],
    };
  }

  async list(filter: CaseListFilter): Promise<Page<CaseView>> {
    return this.db.read(async (repos) => {
      const { items, total } = await repos.cases.list(filter);
      const tasks = await repos.tasks.listOpenForCases(items.map((c) => c.id));
      return {
        items: items.map((c) => toCaseView(c, tasks.filter((t) => t.caseId === c.id))),
        total,
        limit: filter.limit,
        offset: filter.offset,
      };
    });
  }

  roadmapVersions(caseId: string): Promise<RoadmapVersionEntity[]> {
    return this.db.read((repos) => repos.roadmaps.listForCase(caseId));
  }
}

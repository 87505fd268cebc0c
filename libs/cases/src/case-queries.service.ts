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
      // One query for the case and its open tasks: every read of a case passes here first.
      const found = await repos.cases.findWithOpenTasks(caseId);
      if (!found) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      return toCaseView(found.row, found.openTasks);
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
      // The page, its count and each case's open tasks in one query.
      const { items, total } = await repos.cases.list(filter);
      return {
        items: items.map((c) => toCaseView(c.row, c.openTasks)),
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

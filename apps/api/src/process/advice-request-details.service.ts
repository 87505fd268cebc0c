import { Injectable } from '@nestjs/common';
import { permission, type Principal } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { toDocumentDto } from '../documents/documents.dto';
import { AdviceRequestAccess } from './advice-request-access';
import type { AdviceRequestDetailDto } from './advice-request-detail.dto';

const DAY_MS = 86_400_000;

/**
 * One advice request with what it is about: the case's identity and the frozen roadmap version
 * the council was asked about (by its number, so a later version never takes its place), with
 * the attachments frozen with it. Built field by field, so nothing else of the case leaks in.
 */
@Injectable()
export class AdviceRequestDetails {
  constructor(
    private readonly db: Database,
    private readonly access: AdviceRequestAccess,
  ) {}

  async get(principal: Principal, requestId: string): Promise<AdviceRequestDetailDto> {
    const request = await this.access.readable(principal, requestId);
    const { row, version, attachments } = await this.db.read(async (repos) => {
      const row = await repos.cases.findById(request.caseId);
      const version = (await repos.roadmaps.listForCase(request.caseId)).find((v) => v.version === request.roadmapVersion && v.kind === 'submitted');
      const attachments = version ? await repos.documents.listForOwner('roadmap_version', version.id) : [];
      return { row, version, attachments };
    });
    // The round opens only on a submitted version of an existing case: anything else is a broken record.
    if (!row || !version) throw new Error(`Advice request ${request.id} points at roadmap version ${request.roadmapVersion} of case ${request.caseId}, which is not on record.`);
    return {
      id: request.id,
      caseId: request.caseId,
      clusterName: row.clusterName,
      round: request.round,
      councilCode: request.councilCode,
      roadmapVersion: request.roadmapVersion,
      requestedAt: request.requestedAt.toISOString(),
      dueAt: request.dueAt.toISOString(),
      remainingDays: request.status === 'open' ? Math.max(0, Math.ceil((request.dueAt.getTime() - Date.now()) / DAY_MS)) : null,
      status: request.status,
      position: request.position,
      adviceText: request.adviceText,
      advisedAt: request.advisedAt?.toISOString() ?? null,
      // Whether this person gives this advice (the permissions table): the screen offers the form only then.
      mayAdvise: permission(principal, 'submitAdvice', { councilCode: request.councilCode }).allowed,
      subject: {
        case: { id: row.id, clusterName: row.clusterName, domain: row.domain, leadActors: row.leadActors, partners: row.partners },
        roadmapVersion: {
          version: version.version,
          sha256: version.sha256,
          submittedAt: version.createdAt.toISOString(),
          content: version.content as unknown as Record<string, unknown>,
          attachments: attachments.map(toDocumentDto),
        },
      },
    };
  }
}

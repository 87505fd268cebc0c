import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { visibleCaseIds, type CaseView, type Principal } from '@cluster/domain';
import { CaseQueriesService, type Page } from '@cluster/cases';
import { AuditService } from '@cluster/audit';
import type { AuditEventEntity } from '@cluster/persistence';
import { CurrentPrincipal, Roles, type AuthenticatedRequest } from '../auth/principal.decorator';
import { ErrorResponseDto } from '../platform/error-response';
import { PagingQueryDto } from '../platform/paging.dto';
import { CaseCommandsGateway } from './case-commands.gateway';
import { context } from '../process/request-context';
import { AuditPageDto, CaseDto, CasePageDto, RoadmapDraftSavedDto, RoadmapVersionDto } from './case-responses.dto';
import { CreateCaseDto } from './create-case.dto';
import { ListCasesQueryDto } from './list-cases.query';
import { RoadmapDraftDto } from './roadmap-draft.dto';
import { uuidParam } from '../platform/id-param';

const uuid = uuidParam();

@ApiTags('cases')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommandsGateway,
    private readonly queries: CaseQueriesService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('case_handler')
  @ApiOperation({ summary: 'Open a case for a spearhead cluster and start its process' })
  @ApiCreatedResponse({ type: CaseDto })
  create(@Req() req: AuthenticatedRequest, @Body() dto: CreateCaseDto): Promise<CaseView> {
    return this.commands.create(context(req), dto);
  }

  @Get()
  @Roles('case_handler', 'approver', 'auditor', 'admin', 'cluster_representative')
  @ApiOperation({ summary: 'Cases, newest first; a cluster representative sees only their own' })
  @ApiOkResponse({ type: CasePageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListCasesQueryDto): Promise<Page<CaseView>> {
    const visible = visibleCaseIds(p);
    return this.queries.list({
      stage: q.stage,
      accountManagerId: q.accountManagerId,
      search: q.search,
      onlyIds: visible === 'all' ? undefined : visible,
      limit: q.limit,
      offset: q.offset,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case: stage, pending tasks and due dates' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<CaseView> {
    return this.commands.readable(p, id);
  }

  @Post(':id/roadmap/drafts')
  @Roles('cluster_representative', 'case_handler')
  @ApiOperation({ summary: 'Save a new roadmap draft version (cluster representatives and the account manager)' })
  @ApiCreatedResponse({ type: RoadmapDraftSavedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not allowed in the current stage' })
  saveDraft(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: RoadmapDraftDto) {
    return this.commands.saveRoadmapDraft(context(req), id, dto);
  }

  @Get(':id/roadmap/versions')
  @ApiOperation({ summary: 'All roadmap versions of a case, oldest first' })
  @ApiOkResponse({ type: [RoadmapVersionDto] })
  async roadmapVersions(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<RoadmapVersionDto[]> {
    await this.commands.readable(p, id);
    const rows = await this.queries.roadmapVersions(id);
    return rows.map((r) => ({
      caseId: r.caseId,
      version: r.version,
      kind: r.kind,
      sha256: r.sha256,
      savedAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      content: r.content as unknown as Record<string, unknown>,
    }));
  }

  @Get(':id/audit')
  @ApiOperation({ summary: "The case's audit trail in chain order, paged" })
  @ApiOkResponse({ type: AuditPageDto })
  async auditTrail(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: PagingQueryDto): Promise<AuditPageDto> {
    await this.commands.readable(p, id);
    const page = await this.audit.listCase(id, q.limit, q.offset);
    return { items: page.items.map(toAuditEventDto), total: page.total, limit: q.limit, offset: q.offset };
  }
}

function toAuditEventDto(e: AuditEventEntity) {
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    organisation: e.organisation,
    action: e.action,
    reason: e.reason,
    payload: e.payload,
    documentHashes: e.documentHashes,
    requestId: e.requestId,
    workflowId: e.workflowId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

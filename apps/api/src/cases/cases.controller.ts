import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { visibleCaseIds, type CaseView, type Principal } from '@cluster/domain';
import { CaseQueriesService, type Page } from '@cluster/cases';
import { CaseAsOfService, type CaseAsOfWithChain } from '@cluster/audit';
import { CaseAsOfQueryDto } from '../accountability/as-of.query';
import { CaseAsOfDto } from '../accountability/case-as-of.dto';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { ErrorResponseDto } from '../platform/error-response';
import { CaseAccess } from './case-access.service';
import { CaseCommands } from './case-commands.service';
import { context } from '../process/request-context';
import { CaseDto, CasePageDto, RoadmapDraftSavedDto, RoadmapVersionDto } from './case-responses.dto';
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
    private readonly commands: CaseCommands,
    private readonly access: CaseAccess,
    private readonly queries: CaseQueriesService,
    private readonly asOf: CaseAsOfService,
  ) {}

  @Post()
  @Allow('createCase')
  @ApiOperation({ summary: 'Open a case for a spearhead cluster and start its process' })
  @ApiCreatedResponse({ type: CaseDto })
  create(@Req() req: AuthenticatedRequest, @Body() dto: CreateCaseDto): Promise<CaseView> {
    return this.commands.create(context(req), dto);
  }

  @Get()
  @Allow('listCases')
  @ApiOperation({ summary: 'Cases, newest first; a cluster representative sees only their own' })
  @ApiOkResponse({ type: CasePageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListCasesQueryDto): Promise<Page<CaseView>> {
    const visible = visibleCaseIds(p);
    return this.queries.list({
      stage: q.stage,
      accountManagerId: q.accountManagerId,
      search: q.search,
      overdue: q.overdue,
      pilot: q.pilot,
      callId: q.callId,
      onlyIds: visible === 'all' ? undefined : visible,
      limit: q.limit,
      offset: q.offset,
    });
  }

  @Get(':id')
  @Allow('readCase')
  @ApiOperation({
    summary: 'One case: stage, pending tasks and due dates; with asOf, the case as it stood then',
    description: 'With `asOf` the response is a CaseAsOfDto, rebuilt from the audit events (as GET /api/cases/{id}/as-of?at=…); without it, a CaseDto.',
  })
  @ApiExtraModels(CaseDto, CaseAsOfDto)
  @ApiOkResponse({ description: 'CaseDto, or CaseAsOfDto when asOf is given', schema: { oneOf: [{ $ref: getSchemaPath(CaseDto) }, { $ref: getSchemaPath(CaseAsOfDto) }] } })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'asOf is not an ISO 8601 date-time, or lies in the future' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such case, or it did not exist yet at asOf' })
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: CaseAsOfQueryDto): Promise<CaseView | CaseAsOfWithChain> {
    const view = await this.access.visible(p, id);
    return q.asOf === undefined ? view : this.asOf.caseAsOf(id, new Date(q.asOf));
  }

  @Post(':id/roadmap/drafts')
  @Allow('saveRoadmapDraft')
  @ApiOperation({ summary: 'Save a new roadmap draft version (cluster representatives and the account manager)' })
  @ApiCreatedResponse({ type: RoadmapDraftSavedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not allowed in the current stage' })
  saveDraft(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: RoadmapDraftDto) {
    return this.commands.saveRoadmapDraft(context(req), id, dto);
  }

  @Get(':id/roadmap/versions')
  @Allow('readCase')
  @ApiOperation({ summary: 'All roadmap versions of a case, oldest first' })
  @ApiOkResponse({ type: [RoadmapVersionDto] })
  async roadmapVersions(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<RoadmapVersionDto[]> {
    await this.access.visible(p, id);
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
}

import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectService, type ProjectPage } from '@cluster/cases';
import { PROJECT_TRANSITIONS, type Principal, type Project, type ProjectStatus } from '@cluster/domain';
import { Allow, CurrentPrincipal, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf } from '../cases/case-updates.service';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import { CreateProjectDto, ListProjectsQueryDto, ProjectCoverageDto, ProjectDto, ProjectPageDto, UpdateProjectDto } from './projects.dto';

const uuid = uuidParam();
const projectUuid = uuidParam('projectId');

type ProjectAnswer = Project & { nextStatuses: ProjectStatus[] };
/** Each answer says where the project may go next, so that a client offers only those (the rule stays in libs/domain). */
const withNext = (p: Project): ProjectAnswer => ({ ...p, nextStatuses: [...PROJECT_TRANSITIONS[p.status]] });

/** The case's project portfolio: kept by its cluster representatives and account manager, read by whoever reads the case. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('cases/:id/projects')
export class ProjectsController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly projects: ProjectService,
  ) {}

  @Get()
  @Allow('readCase')
  @ApiOperation({ summary: "The case's projects, oldest first (paged; by status)" })
  @ApiOkResponse({ type: ProjectPageDto })
  async list(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: ListProjectsQueryDto): Promise<Omit<ProjectPage, 'items'> & { items: ProjectAnswer[] }> {
    await this.cases.visible(p, id);
    const page = await this.projects.page(id, { status: q.status, limit: q.limit, offset: q.offset });
    return { ...page, items: page.items.map(withNext) };
  }

  @Get('coverage')
  @Allow('readCase')
  @ApiOperation({ summary: 'Each objective and milestone of the current submitted roadmap with the projects that serve it; those without one flagged' })
  @ApiOkResponse({ type: ProjectCoverageDto })
  async coverage(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<ProjectCoverageDto> {
    await this.cases.visible(p, id);
    return this.projects.coverage(id);
  }

  @Post()
  @Allow('manageProjects')
  @ApiOperation({ summary: 'Add a project serving an objective or milestone of the submitted roadmap (the case’s cluster representatives and account manager; not once it is closed)' })
  @ApiCreatedResponse({ type: ProjectDto })
  async create(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: CreateProjectDto): Promise<ProjectAnswer> {
    const ctx = context(req);
    const { role } = await this.cases.authorised(ctx.principal, id, 'manageProjects');
    return withNext(await this.projects.create(id, dto, actorOf(ctx, role), ctx.requestId));
  }

  @Patch(':projectId')
  @Allow('manageProjects')
  @ApiOperation({ summary: "Change a project's fields or status (transitions: libs/domain/src/project.ts); each change in the audit trail" })
  @ApiOkResponse({ type: ProjectDto })
  async update(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Param('projectId', projectUuid) projectId: string, @Body() dto: UpdateProjectDto): Promise<ProjectAnswer> {
    const ctx = context(req);
    const { role } = await this.cases.authorised(ctx.principal, id, 'manageProjects');
    return withNext(await this.projects.update(id, projectId, dto, actorOf(ctx, role), ctx.requestId));
  }
}

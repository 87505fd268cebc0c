import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { decidingAction, permission, type Principal } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { PagingQueryDto } from '../platform/paging.dto';
import { ProcessCommands } from './process-commands.service';
import { AdviceDto, ApprovalDecisionDto } from './process.dto';
import { context } from './request-context';
import { AdviceRequestPageDto, AdviceSubmittedDto, ApprovalDecidedDto, ApprovalPageDto, TaskPageDto } from './process-responses.dto';
import { uuidParam } from '../platform/id-param';

const uuid = uuidParam();

class AdviceRequestQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'advised', 'lapsed', 'withdrawn'] })
  @IsOptional()
  @IsIn(['open', 'advised', 'lapsed', 'withdrawn'])
  status?: 'open' | 'advised' | 'lapsed' | 'withdrawn';

  @ApiPropertyOptional({ description: 'Council code (civil servants and auditors only; members see their own)' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  council?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the requests of this case (e.g. to address each council in the decision)' })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;
}

class ApprovalQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'sent_back', 'superseded'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'sent_back', 'superseded'])
  status: 'pending' | 'approved' | 'sent_back' | 'superseded' = 'pending';
}

const DAY_MS = 86_400_000;

/** Work lists across cases: advice requests of a council, approvals, and everyone's inbox. */
@ApiTags('work')
@ApiBearerAuth()
@Controller()
export class WorkListsController {
  constructor(
    private readonly process: ProcessCommands,
    private readonly db: Database,
  ) {}

  @Get('advice-requests')
  @Allow('listAdviceRequests')
  @ApiOperation({ summary: 'Advice requests; a council member sees only those of their own council' })
  @ApiOkResponse({ type: AdviceRequestPageDto })
  async adviceRequests(@CurrentPrincipal() p: Principal, @Query() q: AdviceRequestQueryDto) {
    const civilServant = p.roles.some((r) => r !== 'council_member');
    const councilCode = civilServant ? q.council : p.councilCode!;
    const now = Date.now();
    // One query for the page, its count and its cases' names.
    const page = await this.db.read((repos) => repos.advice.list({ councilCode, status: q.status, caseId: q.caseId, limit: q.limit, offset: q.offset }));
    return {
      items: page.items.map(({ row: r, clusterName }) => ({
        ...r,
        clusterName,
        remainingDays: r.status === 'open' ? Math.max(0, Math.ceil((r.dueAt.getTime() - now) / DAY_MS)) : null,
      })),
      total: page.total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  @Post('advice-requests/:id/advice')
  @Allow('submitAdvice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the council’s advice (final; refused with 409 after the term)' })
  @ApiOkResponse({ type: AdviceSubmittedDto })
  submitAdvice(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: AdviceDto) {
    return this.process.submitAdvice(context(req), id, dto);
  }

  @Get('approvals')
  @Allow('listApprovals')
  @ApiOperation({ summary: 'Approvals, pending ones first by age' })
  @ApiOkResponse({ type: ApprovalPageDto })
  async approvals(@CurrentPrincipal() p: Principal, @Query() q: ApprovalQueryDto) {
    // With the case's and people's names, so an approver sees what and whose request it is: one query.
    // A case's approvals name their case; a call's selection has none (its summary names the call).
    const page = await this.db.read((repos) => repos.approvals.list({ status: q.status, limit: q.limit, offset: q.offset }));
    return {
      items: page.items.map(({ row: a, clusterName, callId, requestedByName, decidedByName }) => ({
        ...a,
        clusterName,
        callId,
        requestedByName,
        decidedByName,
        // Asked of the permissions table, so the screen never second-guesses four eyes.
        requestedByMe: a.requestedBy === p.userId,
        mayDecide: a.status === 'pending' && permission(p, decidingAction(a.subjectType), { requestedBy: a.requestedBy }).allowed,
      })),
      total: page.total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  @Post('approvals/:id/decision')
  @Allow('decideApproval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or send back (four eyes: never your own request)' })
  @ApiOkResponse({ type: ApprovalDecidedDto })
  decideApproval(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: ApprovalDecisionDto) {
    return this.process.decideApproval(context(req), id, dto);
  }

  @Get('tasks')
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'My inbox: what waits on me, overdue first, then by due date' })
  @ApiOkResponse({ type: TaskPageDto })
  async tasks(@CurrentPrincipal() p: Principal, @Query() q: PagingQueryDto) {
    const refs = [p.userId, ...(p.councilCode ? [`council:${p.councilCode}`] : []), ...p.caseIds.map((id) => `case:${id}`)];
    // One query for the page, its count and its cases' names and stages.
    const page = await this.db.read((repos) => repos.tasks.inbox(refs, p.roles, q.limit, q.offset));
    const now = Date.now();
    return {
      items: page.items.map((t) => ({
        id: t.id,
        kind: t.kind,
        caseId: t.caseId,
        clusterName: t.clusterName,
        stage: t.stage,
        subjectId: t.subjectId,
        dueAt: t.dueAt?.toISOString() ?? null,
        overdue: t.dueAt !== null && t.dueAt.getTime() < now,
        createdAt: t.createdAt.toISOString(),
      })),
      total: page.total,
      limit: q.limit,
      offset: q.offset,
    };
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import {
  closeCaseUpdate,
  recordDialogueOutcomeUpdate,
  requestReleaseUpdate,
  submitDialogueReportUpdate,
} from '@cluster/contracts';
import { DIALOGUE_OUTCOMES, DomainError, PROJECT_STATUSES, projectProgressProblems, type DialogueOutcome, type Principal, type ProjectStatus } from '@cluster/domain';
import { DialogueService, ProjectService } from '@cluster/cases';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf, CaseUpdates } from '../cases/case-updates.service';
import { context } from './request-context';
import { uuidParam } from '../platform/id-param';
import { IsRealDate } from '../platform/real-date';
import { ProcessCommands } from './process-commands.service';
import { TerminationProposedDto } from './process-responses.dto';

/** One project of the case's portfolio as the cluster reports it in this cycle. */
class ProjectProgressDto {
  @ApiProperty({ format: 'uuid', description: 'A project of this case (GET /api/cases/{id}/projects)' }) @IsUUID() projectId!: string;
  @ApiProperty({ enum: PROJECT_STATUSES, description: 'The status the cluster reports (the project itself changes through PATCH /api/cases/{id}/projects/{projectId})' })
  @IsIn(PROJECT_STATUSES)
  status!: ProjectStatus;
  @ApiProperty({ example: 'Installatie gebouwd; eerste proefdraai in maart.' }) @IsString() @Length(2, 5000) progress!: string;
}

class ReportDto {
  @ApiProperty({ description: 'Progress on the roadmap milestones' }) @IsString() @Length(10, 20000) milestoneProgress!: string;
  @ApiProperty({ description: 'Progress of the project portfolio' }) @IsString() @Length(10, 20000) portfolioProgress!: string;
  @ApiPropertyOptional({ type: [ProjectProgressDto], description: "Per project of the case's portfolio, its status and progress (each project once)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProjectProgressDto)
  projects?: ProjectProgressDto[];
}

class ActionDto {
  @ApiProperty() @IsString() @Length(2, 2000) description!: string;
  @ApiProperty({ example: 'Catalisti vzw' }) @IsString() @Length(2, 200) owner!: string;
  @ApiProperty({ example: '2027-12-31' }) @IsRealDate() dueDate!: string;
}

class OutcomeDto {
  @ApiProperty({ enum: DIALOGUE_OUTCOMES }) @IsIn(DIALOGUE_OUTCOMES) outcome!: DialogueOutcome;
  @ApiProperty({ type: [ActionDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ActionDto) actions!: ActionDto[];
}

class ReleaseRequestDto {
  @ApiProperty({ example: 'IWT' }) @IsString() @Length(1, 20) instrumentCode!: string;
  @ApiProperty({ example: 25000000, description: 'Integer cents' }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountCents!: number;
  @ApiProperty() @IsString() @Length(10, 10000) justification!: string;
  @ApiProperty({ description: 'The milestone or dialogue outcome it rests on', example: 'Dialoogcyclus 2: op koers' }) @IsString() @Length(2, 2000) basis!: string;
}

class CloseDto {
  @ApiProperty({ description: 'Why the case closes (end of term, or the reason to end early)' }) @IsString() @Length(10, 10000) explanation!: string;
  @ApiProperty({ description: 'The final report' }) @IsString() @Length(10, 100000) finalReport!: string;
}

class CycleResultDto {
  @ApiProperty() cycle!: number;
  @ApiProperty({ required: false }) status?: string;
  @ApiProperty({ required: false, enum: DIALOGUE_OUTCOMES }) outcome?: string;
}

class ReleaseRequestedDto {
  @ApiProperty({ format: 'uuid' }) releaseId!: string;
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
}

class CaseClosedDto {
  @ApiProperty({ enum: ['closed'] }) stage!: string;
  @ApiProperty({ description: 'Unreleased earmark returned to the instruments (cents)' }) returnedCents!: number;
}

class DialogueOverviewDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) cycles!: object[];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) closure!: object | null;
}

const uuid = uuidParam();
const cycleNo = new ParseIntPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'Het cyclusnummer is geen getal. / The cycle is not a number.', [{ field: 'cycle', messages: ['Het cyclusnummer moet een geheel getal zijn. / cycle must be a whole number'] }]),
});

/** Steps 7 and 8: the structured dialogue, tranche releases and closure. */
@ApiTags('process')
@ApiBearerAuth()
@Controller('cases/:id')
export class DialogueController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly updates: CaseUpdates,
    private readonly dialogue: DialogueService,
    private readonly process: ProcessCommands,
    private readonly projects: ProjectService,
  ) {}

  @Post('dialogue/cycles/:cycle/report')
  @Allow('submitDialogueReport')
  @HttpCode(200)
  @ApiOperation({ summary: "The cluster's progress report for a cycle (final)" })
  @ApiOkResponse({ type: CycleResultDto })
  async report(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Param('cycle', cycleNo) cycle: number, @Body() dto: ReportDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'submitDialogueReport');
    // Before the workflow is asked: a report on a project that is not this case's is a 400 naming it.
    if (dto.projects?.length) {
      const problems = projectProgressProblems(dto.projects, await this.projects.projectIds(id));
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'Het verslag noemt projecten die niet in de projectportefeuille van dit dossier staan. / The report names projects that are not in this case\'s project portfolio.', problems);
    }
    const ctx = context(req);
    return this.updates.send(view.workflowId, submitDialogueReportUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId }, cycle, report: dto }, ctx.requestId);
  }

  @Post('dialogue/cycles/:cycle/outcome')
  @Allow('recordDialogueOutcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'The account manager records the outcome (on track / attention / off track) and actions' })
  @ApiOkResponse({ type: CycleResultDto })
  async outcome(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Param('cycle', cycleNo) cycle: number, @Body() dto: OutcomeDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'recordDialogueOutcome');
    const ctx = context(req);
    return this.updates.send(view.workflowId, recordDialogueOutcomeUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId }, cycle, outcome: dto.outcome, actions: dto.actions }, ctx.requestId);
  }

  @Post('budget/releases')
  @Allow('requestRelease')
  @ApiOperation({ summary: 'Request a tranche against one instrument’s earmark (approved by another budget holder)' })
  @ApiCreatedResponse({ type: ReleaseRequestedDto })
  async requestRelease(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: ReleaseRequestDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'requestRelease');
    const ctx = context(req);
    return this.updates.send(view.workflowId, requestReleaseUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId, reason: dto.justification }, ...dto }, ctx.requestId);
  }

  @Post('closure')
  @Allow('closeCase')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case with the final report at the end of the term; before it, ending early is proposed (202) and closes the case once another approver approves it' })
  @ApiOkResponse({ type: CaseClosedDto })
  @ApiAcceptedResponse({ type: TerminationProposedDto, description: 'Early end proposed: the case runs on until an approver (not the proposer) approves' })
  async close(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: CloseDto, @Res({ passthrough: true }) res: Response): Promise<CaseClosedDto | TerminationProposedDto> {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'closeCase');
    const ctx = context(req);
    const state = await this.updates.state(view.workflowId);
    const completed = state.dialogueCycle != null && state.dialogueTerm != null && state.dialogueCycle > state.dialogueTerm.cycles;
    if (!completed) {
      // Before the term ends this is an early end: proposed here, approved by a second person.
      const { role: proposer } = await this.cases.authorised(req.principal!, id, 'proposeEarlyEnd');
      const proposed = await this.process.proposeTermination(ctx, view, 'agreement_early_end', dto.explanation, dto.finalReport, proposer);
      res.status(HttpStatus.ACCEPTED);
      return proposed;
    }
    // The chain head in the result is for the workflow to keep; the response says what was closed.
    const { stage, returnedCents } = await this.updates.send(view.workflowId, closeCaseUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId, reason: dto.explanation }, ...dto }, ctx.requestId);
    return { stage, returnedCents };
  }

  @Get('dialogue')
  @Allow('readCase')
  @ApiOperation({ summary: 'The dialogue cycles with reports, outcomes and actions, and the closure' })
  @ApiOkResponse({ type: DialogueOverviewDto })
  async overview(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.cases.visible(p, id);
    return this.dialogue.overview(id);
  }
}

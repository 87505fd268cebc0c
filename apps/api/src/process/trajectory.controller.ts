import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import {
  concludeTrajectoryUpdate,
  planTrajectoryUpdate,
  recordMilestoneEvidenceUpdate,
} from '@cluster/contracts';
import { TRAJECTORY_OUTCOMES, type Principal, type TrajectoryOutcome } from '@cluster/domain';
import { TrajectoryService } from '@cluster/cases';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf, CaseUpdates } from '../cases/case-updates.service';
import { context } from './request-context';
import { uuidParam } from '../platform/id-param';
import { IsRealDate } from '../platform/real-date';
import { ProcessCommands } from './process-commands.service';
import { TerminationProposedDto } from './process-responses.dto';

class MilestonePlanDto {
  @ApiProperty({ example: 'Pilootlijn biogebaseerde grondstoffen' }) @IsString() @Length(2, 500) action!: string;
  @ApiProperty({ example: 'IWT' }) @IsString() @Length(1, 20) instrumentCode!: string;
  @ApiProperty({ example: 25000000, description: 'Amount foreseen, integer cents' }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) amountForeseenCents!: number;
  @ApiProperty({ example: '2027-06-30' }) @IsRealDate() dueDate!: string;
}

class PlanTrajectoryDto {
  @ApiProperty({ type: [MilestonePlanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MilestonePlanDto)
  milestones!: MilestonePlanDto[];

  @ApiPropertyOptional({ default: false, description: 'One of the pilot test trajectories' }) @IsOptional() @IsBoolean() pilot?: boolean;
}

class EvidenceDto {
  @ApiProperty({ minLength: 10, example: 'Pilootlijn in gebruik genomen; zie verslag stuurgroep 12/05.' }) @IsString() @Length(10, 20000) evidence!: string;
}

class NewDueDateDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() milestoneId!: string;
  @ApiProperty({ example: '2027-12-31' }) @IsRealDate() dueDate!: string;
}

class EvaluationDto {
  @ApiProperty({ enum: TRAJECTORY_OUTCOMES }) @IsIn(TRAJECTORY_OUTCOMES) outcome!: TrajectoryOutcome;
  @ApiProperty({ minLength: 10 }) @IsString() @Length(10, 20000) evaluation!: string;
  @ApiPropertyOptional({ type: [NewDueDateDto], description: 'For extend: the new due dates' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NewDueDateDto)
  newDueDates?: NewDueDateDto[];
}

class MilestoneRefDto {
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() met!: boolean;
}

class TrajectoryEvaluatedDto {
  @ApiProperty({ enum: TRAJECTORY_OUTCOMES }) outcome!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: [MilestoneRefDto] }) milestones!: MilestoneRefDto[];
}

class TrajectoryOverviewDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) milestones!: object[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'actions × instruments → cents foreseen' }) matrix!: object;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) evaluations!: object[];
}

const uuid = uuidParam();

/** Step 5, the test trajectory: the account manager plans and evaluates; evidence by the cluster or the account manager. */
@ApiTags('process')
@ApiBearerAuth()
@Controller('cases/:id/trajectory')
export class TrajectoryController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly updates: CaseUpdates,
    private readonly trajectory: TrajectoryService,
    private readonly process: ProcessCommands,
  ) {}

  @Post()
  @Allow('planTrajectory')
  @HttpCode(200)
  @ApiOperation({ summary: 'Plan the milestones (action × instrument, amount foreseen, due date)' })
  @ApiOkResponse({ type: [MilestoneRefDto] })
  async plan(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: PlanTrajectoryDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'planTrajectory');
    const ctx = context(req);
    return this.updates.send(view.workflowId, planTrajectoryUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId }, milestones: dto.milestones, pilot: dto.pilot ?? false }, ctx.requestId);
  }

  @Post('milestones/:milestoneId/evidence')
  @Allow('recordMilestoneEvidence')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the evidence that a milestone is met (final)' })
  @ApiOkResponse({ type: MilestoneRefDto })
  async evidence(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Param('milestoneId', uuid) milestoneId: string, @Body() dto: EvidenceDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'recordMilestoneEvidence');
    const ctx = context(req);
    return this.updates.send(view.workflowId, recordMilestoneEvidenceUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId }, milestoneId, evidence: dto.evidence }, ctx.requestId);
  }

  @Post('evaluation')
  @Allow('concludeTrajectory')
  @HttpCode(200)
  @ApiOperation({ summary: 'Evaluate: proceed to the agreement or extend (new due dates); stop is proposed (202) and closes the case once another approver approves it' })
  @ApiOkResponse({ type: TrajectoryEvaluatedDto })
  @ApiAcceptedResponse({ type: TerminationProposedDto, description: 'Stop proposed: the stage is unchanged until an approver (not the proposer) approves' })
  async evaluate(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: EvaluationDto, @Res({ passthrough: true }) res: Response) {
    const { view, role } = await this.cases.authorised(req.principal!, id, dto.outcome === 'stop' ? 'proposeTrajectoryStop' : 'concludeTrajectory');
    const ctx = context(req);
    if (dto.outcome === 'stop') {
      const proposed = await this.process.proposeTermination(ctx, view, 'trajectory_stop', dto.evaluation, undefined, role);
      res.status(HttpStatus.ACCEPTED);
      return proposed;
    }
    return this.updates.send(
      view.workflowId,
      concludeTrajectoryUpdate,
      { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId, reason: dto.evaluation }, outcome: dto.outcome, evaluation: dto.evaluation, newDueDates: dto.newDueDates ?? [] },
      ctx.requestId,
    );
  }

  @Get()
  @Allow('readCase')
  @ApiOperation({ summary: 'The milestones, the action × instrument matrix and the evaluations' })
  @ApiOkResponse({ type: TrajectoryOverviewDto })
  async overview(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.cases.visible(p, id);
    return this.trajectory.overview(id);
  }
}

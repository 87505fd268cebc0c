import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cluster/domain';
import { AssessmentService } from '@cluster/cases';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ErrorResponseDto } from '../platform/error-response';
import { ProcessCommands } from './process-commands.service';
import {
  AssessmentConcludedDto,
  AssessmentOverviewDto,
  AssessmentSubmittedDto,
  AssessorsAssignedDto,
  ConflictDeclaredDto,
  DecisionProposedDto,
  RoadmapSubmittedDto,
  TerminationProposedDto,
} from './process-responses.dto';
import { AssessmentDto, AssignAssessorsDto, ConclusionDto, ConflictDeclarationDto, DecisionProposalDto, ReasonDto } from './process.dto';
import { context } from './request-context';
import { uuidParam } from '../platform/id-param';

const uuid = uuidParam();

/** Steps 1–4 on one case: submit, assess, conclude, propose the decision. */
@ApiTags('process')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiConflictResponse({ type: ErrorResponseDto, description: 'Not allowed in the case’s current stage, with the reason' })
@Controller('cases/:id')
export class ProcessController {
  constructor(
    private readonly process: ProcessCommands,
    private readonly cases: CaseAccess,
    private readonly assessments: AssessmentService,
  ) {}

  @Post('roadmap/submit')
  @Allow('submitRoadmap')
  @HttpCode(200)
  @ApiOperation({ summary: 'Freeze the latest draft (SHA-256) and start the quality assessment' })
  @ApiOkResponse({ type: RoadmapSubmittedDto })
  submitRoadmap(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: ReasonDto) {
    return this.process.submitRoadmap(context(req), id, dto.reason);
  }

  @Post('assessors')
  @Allow('assignAssessors')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign assessors to the submitted roadmap version' })
  @ApiOkResponse({ type: AssessorsAssignedDto })
  assignAssessors(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: AssignAssessorsDto) {
    return this.process.assignAssessors(context(req), id, dto);
  }

  @Post('assessment/conflict-declaration')
  @Allow('declareConflict')
  @HttpCode(200)
  @ApiOperation({ summary: 'An assessor declares whether they have a conflict of interest (first of all)' })
  @ApiOkResponse({ type: ConflictDeclaredDto })
  declareConflict(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: ConflictDeclarationDto) {
    return this.process.declareConflict(context(req), id, dto);
  }

  @Post('assessments')
  @Allow('submitAssessment')
  @ApiOperation({ summary: 'An assessor answers the gate questions and scores the criteria (final)' })
  @ApiCreatedResponse({ type: AssessmentSubmittedDto })
  submitAssessment(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: AssessmentDto) {
    return this.process.submitAssessment(context(req), id, dto);
  }

  @Get('assessments')
  @Allow('readAssessments')
  @ApiOperation({ summary: 'The assessments side by side, with the spread per criterion' })
  @ApiOkResponse({ type: AssessmentOverviewDto })
  async assessmentOverview(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.cases.visible(p, id);
    return this.assessments.overview(id);
  }

  @Post('assessment/conclusion')
  @Allow('concludeAssessment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Conclude: proceed to advice or revise (back to drafting); reject is proposed (202) and closes the case once another approver approves it' })
  @ApiOkResponse({ type: AssessmentConcludedDto })
  @ApiAcceptedResponse({ type: TerminationProposedDto, description: 'Rejection proposed: the stage is unchanged until an approver (not the proposer) approves' })
  async conclude(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: ConclusionDto, @Res({ passthrough: true }) res: Response) {
    const { concluded, proposed } = await this.process.conclude(context(req), id, dto);
    if (proposed) res.status(HttpStatus.ACCEPTED);
    return proposed ?? concluded;
  }

  @Post('decision/proposals')
  @Allow('proposeDecision')
  @ApiOperation({ summary: 'Propose the government decision, addressing each council’s advice' })
  @ApiCreatedResponse({ type: DecisionProposedDto })
  proposeDecision(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: DecisionProposalDto) {
    return this.process.proposeDecision(context(req), id, dto);
  }
}

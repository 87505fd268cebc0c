import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cluster/domain';
import { TerminationService } from '@cluster/cases';
import { Database } from '@cluster/persistence';
import { Allow, CurrentPrincipal, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ErrorResponseDto } from '../platform/error-response';
import { uuidParam } from '../platform/id-param';
import { ProcessCommands } from './process-commands.service';
import { WithdrawalDto } from './process.dto';
import { TerminationDto, TerminationProposedDto } from './process-responses.dto';
import { context } from './request-context';

const uuid = uuidParam();

/**
 * Four eyes for what ends a case early: the withdrawal (any stage before closure) and the list of
 * a case's proposals. A rejection, a stop and an early end are proposed through the conclusion,
 * the evaluation and the closure; every kind is decided in the approvals inbox.
 */
@ApiTags('process')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiConflictResponse({ type: ErrorResponseDto, description: 'Closed, or another proposal awaits approval' })
@Controller('cases/:id')
export class TerminationController {
  constructor(
    private readonly process: ProcessCommands,
    private readonly cases: CaseAccess,
    private readonly terminations: TerminationService,
    private readonly db: Database,
  ) {}

  @Post('withdrawal')
  @HttpCode(HttpStatus.ACCEPTED)
  @Allow('withdrawCase')
  @ApiOperation({ summary: 'Propose to withdraw the case (any stage before closure); it closes once an approver other than the proposer approves' })
  @ApiAcceptedResponse({ type: TerminationProposedDto })
  withdraw(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: WithdrawalDto) {
    return this.process.withdraw(context(req), id, dto.reason);
  }

  @Get('terminations')
  @Allow('readCase')
  @ApiOperation({ summary: "The case's proposals to end it early (rejection, stop, early end, withdrawal), with who proposed and who decided" })
  @ApiOkResponse({ type: [TerminationDto] })
  async list(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<TerminationDto[]> {
    await this.cases.visible(p, id);
    const rows = await this.terminations.list(id);
    const names = await this.db.read((repos) => repos.users.displayNames(rows.flatMap((t) => [t.proposedBy, t.decidedBy])));
    const name = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
    return rows.map((t) => ({
      id: t.id,
      caseId: t.caseId,
      kind: t.kind,
      reason: t.reason,
      finalReport: t.details.finalReport ?? null,
      stage: t.stage,
      status: t.status,
      proposedBy: t.proposedBy,
      proposedByName: name(t.proposedBy),
      proposedAt: t.proposedAt.toISOString(),
      decidedBy: t.decidedBy,
      decidedByName: name(t.decidedBy),
      decidedAt: t.decidedAt?.toISOString() ?? null,
      comment: t.approval?.comment ?? null,
      approvalId: t.approval?.id ?? null,
    }));
  }
}

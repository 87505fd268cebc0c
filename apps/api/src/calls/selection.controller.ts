import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decideSelectionUpdate, proposeSelectionUpdate } from '@cluster/contracts';
import { CallService, SelectionService, type CandidateComparison, type SelectionView } from '@cluster/cases';
import { DomainError } from '@cluster/domain';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import { actorOf } from '../cases/case-updates.service';
import { CallCommands } from './call-commands.service';
import { CandidateComparisonDto, DecideSelectionDto, ProposeSelectionDto, SelectionDecidedDto, SelectionDto, SelectionProposedDto } from './selection.dto';

const uuid = uuidParam();

/**
 * Selection across a call's candidates (libs/domain/src/selection.ts): the comparison side by
 * side for the administration and auditors; a policy owner proposes, an approver other than the
 * proposer decides (four eyes). Proposal and decision are updates of the call's workflow.
 */
@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class SelectionController {
  constructor(
    private readonly calls: CallService,
    private readonly selections: SelectionService,
    private readonly commands: CallCommands,
  ) {}

  @Get('calls/:id/candidates')
  @Allow('readCandidates')
  @ApiOperation({ summary: "The call's candidates side by side: gate answers, the ten criteria per assessor with spread, requested budget per instrument against the envelope, a proposed ranking" })
  @ApiOkResponse({ type: CandidateComparisonDto })
  candidates(@Param('id', uuid) id: string): Promise<CandidateComparison> {
    return this.selections.comparison(id);
  }

  @Get('calls/:id/selection')
  @Allow('readCandidates')
  @ApiOperation({ summary: "The call's proposed selections, newest first, with who decided and why" })
  @ApiOkResponse({ type: [SelectionDto] })
  list(@Param('id', uuid) id: string): Promise<SelectionView[]> {
    return this.selections.list(id);
  }

  @Post('calls/:id/selection')
  @Allow('proposeSelection')
  @ApiOperation({ summary: 'Propose the selection: which candidates go on to the councils, and why each other one does not (a policy owner; approved by an approver)' })
  @ApiCreatedResponse({ type: SelectionProposedDto })
  async propose(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: ProposeSelectionDto) {
    const ctx = context(req);
    await this.calls.get(id); // 404 before the process is asked
    // A proposal the rules refuse is answered here, so the same request id can carry the corrected one.
    const earlier = (await this.selections.list(id)).some((s) => s.status === 'proposed' || s.status === 'approved');
    if (!earlier) await this.selections.checkProposal(id, dto);
    return this.commands.send(id, proposeSelectionUpdate, { meta: { actor: actorOf(ctx), requestId: ctx.requestId }, proposal: dto }, ctx.requestId);
  }

  @Post('call-selections/:id/decision')
  @Allow('decideSelection')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a proposed selection or send it back (an approver other than the proposer); approved, the selected go on and the others close with the reason' })
  @ApiOkResponse({ type: SelectionDecidedDto })
  async decide(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: DecideSelectionDto) {
    const ctx = context(req);
    const callId = await this.selections.callOf(id);
    if (!callId) throw new DomainError('NOT_FOUND', `Voorstel van selectie ${id} bestaat niet. / Proposed selection ${id} does not exist.`);
    const meta = { actor: actorOf(ctx), requestId: ctx.requestId };
    return this.commands.send(callId, decideSelectionUpdate, { meta, selectionId: id, decision: dto.decision, comment: dto.comment }, ctx.requestId);
  }
}

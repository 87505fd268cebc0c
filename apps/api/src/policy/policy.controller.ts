import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cluster/domain';
import { PolicyProposalsService, ReferenceDataService } from '@cluster/reference-data';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { actorOf } from '../cases/case-updates.service';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import {
  PolicyProposalDecidedDto,
  PolicyProposalDecisionDto,
  PolicyProposalDto,
  PolicyProposalPageDto,
  PolicyProposalQueryDto,
  PolicyProposedDto,
  PolicyVersionDto,
  PolicyVersionSummaryDto,
  PublishPolicyDto,
} from './policy.dto';

const version = new ParseIntPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'Het versienummer is geen getal. / The version is not a number.', [{ field: 'version', messages: ['Het versienummer moet een geheel getal zijn. / version must be a whole number'] }]),
});
const uuid = uuidParam();

/** Reference data (criteria, councils, terms, instruments) as versions: a running case keeps its own. */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('policy-versions')
export class PolicyController {
  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly proposals: PolicyProposalsService,
  ) {}

  @Get()
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'All published versions, newest first' })
  @ApiOkResponse({ type: [PolicyVersionSummaryDto] })
  list() {
    return this.referenceData.list();
  }

  @Get('latest')
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'The version new cases start with' })
  @ApiOkResponse({ type: PolicyVersionDto })
  latest() {
    return this.referenceData.get('latest');
  }

  @Get(':version')
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'One version, with its content and SHA-256' })
  @ApiOkResponse({ type: PolicyVersionDto })
  one(@Param('version', version) v: number) {
    return this.referenceData.get(v);
  }

  @Post()
  @Allow('proposePolicy')
  @ApiOperation({ summary: 'Propose a new version (admin): published only once another administrator approves it; running cases keep theirs' })
  @ApiCreatedResponse({ type: PolicyProposedDto })
  propose(@Req() req: AuthenticatedRequest, @Body() dto: PublishPolicyDto) {
    const ctx = context(req);
    return this.proposals.propose(actorOf(ctx), dto.content, dto.reason, ctx.requestId);
  }
}

/** Proposed versions of the reference data and the second administrator's decision on them (four eyes). */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('policy-proposals')
export class PolicyProposalsController {
  constructor(private readonly proposals: PolicyProposalsService) {}

  @Get()
  @Allow('readPolicyProposals')
  @ApiOperation({ summary: 'Proposed versions (waiting ones oldest first with ?status=proposed), without their content' })
  @ApiOkResponse({ type: PolicyProposalPageDto })
  async list(@Query() q: PolicyProposalQueryDto) {
    const page = await this.proposals.list(q);
    return { ...page, limit: q.limit, offset: q.offset };
  }

  @Get(':id')
  @Allow('readPolicyProposals')
  @ApiOperation({ summary: 'One proposed version, with its content and the decision on it' })
  @ApiOkResponse({ type: PolicyProposalDto })
  one(@Param('id', uuid) id: string) {
    return this.proposals.get(id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Allow('decidePolicyProposal')
  @ApiOperation({ summary: 'Approve (publish) or send back a proposed version: another administrator than its proposer' })
  @ApiOkResponse({ type: PolicyProposalDecidedDto })
  decide(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: PolicyProposalDecisionDto) {
    const ctx = context(req);
    return this.proposals.decide(actorOf(ctx), id, dto.decision, dto.comment, ctx.requestId);
  }
}

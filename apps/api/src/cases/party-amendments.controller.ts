import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartyAmendmentService, type PartyAmendment } from '@cluster/cases';
import type { Principal } from '@cluster/domain';
import { Allow, CurrentPrincipal, type AuthenticatedRequest } from '../auth/principal.decorator';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import { CaseAccess } from './case-access.service';
import { actorOf } from './case-updates.service';
import { AmendPartiesDto, PartyAmendmentDto } from './party-amendment.dto';

const uuid = uuidParam();

/** Who a case is about, amended over the years by its account manager, each change on the record. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/parties/amendments')
export class PartyAmendmentsController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly amendments: PartyAmendmentService,
  ) {}

  @Post()
  @Allow('amendParties')
  @ApiOperation({ summary: "Amend the case's lead actors and partners, with a reason (the case's account manager; not once it is closed)" })
  @ApiCreatedResponse({ type: PartyAmendmentDto })
  async amend(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: AmendPartiesDto): Promise<PartyAmendment> {
    const ctx = context(req);
    const { role } = await this.cases.authorised(ctx.principal, id, 'amendParties');
    return this.amendments.amend(id, { leadActors: dto.leadActors, partners: dto.partners, reason: dto.reason }, actorOf(ctx, role), ctx.requestId);
  }

  @Get()
  @Allow('readCase')
  @ApiOperation({ summary: "The amendments of the case's lead actors and partners, oldest first" })
  @ApiOkResponse({ type: [PartyAmendmentDto] })
  async list(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<PartyAmendment[]> {
    await this.cases.visible(p, id);
    return this.amendments.list(id);
  }
}

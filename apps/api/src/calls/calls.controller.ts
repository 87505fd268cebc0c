import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallService, type CallView } from '@cluster/cases';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf } from '../cases/case-updates.service';
import { CaseSearchAttributes } from '../cases/case-search-attributes.service';
import { CallCommands } from './call-commands.service';
import { CallDto, CallPageDto, CallQueryDto, CallRegistrationDto, OpenCallDto, RegisterForCallDto } from './call.dto';

const uuid = uuidParam();

/** Calls for spearhead clusters: opened by a policy owner, read by everyone, registered to by a case's editors. */
@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallService,
    private readonly cases: CaseAccess,
    private readonly commands: CallCommands,
    private readonly searchAttributes: CaseSearchAttributes,
  ) {}

  @Post('calls')
  @Allow('openCall')
  @ApiOperation({ summary: 'Open a call for spearhead clusters: period, submission deadline, how many it selects, an envelope per instrument (a policy owner)' })
  @ApiCreatedResponse({ type: CallDto })
  open(@Req() req: AuthenticatedRequest, @Body() dto: OpenCallDto): Promise<CallView> {
    const ctx = context(req);
    return this.commands.open(dto, { actor: actorOf(ctx), requestId: ctx.requestId });
  }

  @Get('calls')
  @Allow('listCalls')
  @ApiOperation({ summary: 'The calls, newest first (filter by status; paged)' })
  @ApiOkResponse({ type: CallPageDto })
  async list(@Query() q: CallQueryDto) {
    return { ...(await this.calls.list({ status: q.status, limit: q.limit, offset: q.offset })), limit: q.limit, offset: q.offset };
  }

  @Get('calls/:id')
  @Allow('listCalls')
  @ApiOperation({ summary: 'One call, with the number of cases registered to it' })
  @ApiOkResponse({ type: CallDto })
  get(@Param('id', uuid) id: string): Promise<CallView> {
    return this.calls.get(id);
  }

  @Post('cases/:id/call')
  @Allow('registerForCall')
  @HttpCode(200)
  @ApiOperation({ summary: "Register the case to a call (while its roadmap is drafted, before the call's deadline; once)" })
  @ApiOkResponse({ type: CallRegistrationDto })
  async register(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: RegisterForCallDto) {
    const ctx = context(req);
    const { role } = await this.cases.authorised(ctx.principal, id, 'registerForCall');
    const registered = await this.calls.register(id, dto.callId, actorOf(ctx, role), ctx.requestId);
    await this.searchAttributes.changed([registered.caseId], { callId: registered.callId });
    return registered;
  }
}

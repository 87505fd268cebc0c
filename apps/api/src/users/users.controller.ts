import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { permitted } from '@cluster/domain';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { toSummary } from '../auth/auth.controller';
import { UserSummaryDto } from '../auth/dev-login.dto';
import { actorOf } from '../cases/case-updates.service';
import { DeclareErrors } from '../platform/openapi/declare-errors.decorator';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import { CreateUserDto } from './create-user.dto';
import { UserChangeReasonDto } from './reason.dto';
import { UpdateUserDto } from './update-user.dto';
import { UserAccountsService } from './user-accounts.service';
import { OpenWorkDto, UserAccountDto } from './user-responses.dto';
import { UsersService } from './users.service';

const uuid = uuidParam();

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
  ) {}

  @Get()
  @Allow('listUsers')
  @ApiOperation({ summary: 'Everyone known to the system, by name (to pick colleagues and to name actors)' })
  @ApiOkResponse({ type: [UserSummaryDto] })
  async list(): Promise<UserSummaryDto[]> {
    return (await this.users.list()).map((u) => toSummary({ ...u.user, caseIds: u.caseIds }));
  }

  @Post()
  @Allow('manageUsers')
  @ApiOperation({ summary: 'Create a user; one account per person (subject, or e-mail in any case: 409 naming the field)' })
  @ApiCreatedResponse({ type: UserAccountDto })
  async create(@Req() req: AuthenticatedRequest, @Body() dto: CreateUserDto): Promise<UserAccountDto> {
    const ctx = context(req);
    return this.accounts.account(await this.users.create(actorOf(ctx), dto, ctx.requestId));
  }

  @Patch(':id')
  @Allow('manageUsers')
  @ApiOperation({ summary: 'Change roles, the council of a council member or the cases of a representative (never your own admin role)' })
  @ApiOkResponse({ type: UserAccountDto })
  @DeclareErrors({ also: [404], why: { 403: 'Not an administrator, or removing your own admin role', 404: 'No such user', 409: 'The user is deactivated' } })
  async update(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: UpdateUserDto): Promise<UserAccountDto> {
    const ctx = context(req);
    return this.accounts.account(await this.users.update(actorOf(ctx), id, dto, ctx.requestId));
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @Allow('deactivateUser')
  @ApiOperation({ summary: 'Deactivate a user with a reason: their tokens stop working at once; their open work stays to be handed over' })
  @ApiOkResponse({ type: UserAccountDto })
  @DeclareErrors({ also: [404], why: { 403: 'Not an administrator, or your own account', 404: 'No such user', 409: 'Already deactivated' } })
  async deactivate(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: UserChangeReasonDto): Promise<UserAccountDto> {
    const ctx = context(req);
    // Someone must remain to deactivate: never one's own account (the table's `not_self`).
    const role = permitted(ctx.principal, 'deactivateUser', { subjectUserId: id });
    return this.accounts.account(await this.users.deactivate(actorOf(ctx, role), id, dto.reason, ctx.requestId));
  }

  @Get(':id/open-work')
  @Allow('readUserAccounts')
  @ApiOperation({ summary: 'What still waits on a user: open tasks and managed cases, to hand over (POST /api/handovers)' })
  @ApiOkResponse({ type: OpenWorkDto })
  @DeclareErrors({ also: [404], why: { 404: 'No such user' } })
  openWork(@Param('id', uuid) id: string): Promise<OpenWorkDto> {
    return this.accounts.openWork(id);
  }
}

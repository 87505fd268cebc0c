import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { toSummary } from '../auth/auth.controller';
import { UserSummaryDto } from '../auth/dev-login.dto';
import { CreateUserDto } from './create-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('listUsers')
  @ApiOkResponse({ type: [UserSummaryDto] })
  async list(): Promise<UserSummaryDto[]> {
    return (await this.users.list()).map(toSummary);
  }

  @Post()
  @Allow('manageUsers')
  @ApiCreatedResponse({ type: UserSummaryDto })
  async create(@Req() req: AuthenticatedRequest, @Body() dto: CreateUserDto): Promise<UserSummaryDto> {
    const p = req.principal!;
    const actor = { userId: p.userId, displayName: p.displayName, role: req.actingRole!, organisation: p.organisation };
    return toSummary(await this.users.create(actor, dto, String(req.id)));
  }
}

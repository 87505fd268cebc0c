import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/principal.decorator';
import { UserAccountsQueryDto } from './user-accounts.query';
import { UserAccountsService } from './user-accounts.service';
import { UserAccountPageDto } from './user-responses.dto';

/**
 * The administration's list of accounts. A path of its own, not /api/users/accounts: beside
 * /api/users/{id} that segment would read as an id, and a wrong method on it would get a 400
 * instead of a 405.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('user-accounts')
export class UserAccountsController {
  constructor(private readonly accounts: UserAccountsService) {}

  @Get()
  @Allow('readUserAccounts')
  @ApiOperation({ summary: 'The administration’s list: role and active filters, paged, with bindings and open work' })
  @ApiOkResponse({ type: UserAccountPageDto })
  page(@Query() q: UserAccountsQueryDto): Promise<UserAccountPageDto> {
    return this.accounts.page({ role: q.role, active: q.active, search: q.search, limit: q.limit, offset: q.offset });
  }
}

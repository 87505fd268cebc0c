import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@cluster/config';
import { DomainError, mayDoForAll, mayEverDo, RULES, type Action, type Principal } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { DeclareErrors } from '../platform/openapi/declare-errors.decorator';
import { Allow, CurrentPrincipal, Public } from './principal.decorator';
import { TokenVerifier } from './token-verifier.service';
import { DevLoginDto, MeDto, TokenResponseDto, UserSummaryDto } from './dev-login.dto';
import { AuthConfigDto } from './auth-config.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly config: AppConfig,
    private readonly verifier: TokenVerifier,
    private readonly db: Database,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'How the web app signs users in: the dev login and/or an OIDC provider (no token needed)' })
  @ApiOkResponse({ type: AuthConfigDto })
  // Answered from the configuration alone.
  @DeclareErrors({ not: [503] })
  authConfig(): AuthConfigDto {
    const { AUTH_DEV_LOGIN, OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_SCOPE } = this.config;
    return {
      devLogin: AUTH_DEV_LOGIN,
      oidc: OIDC_ISSUER_URL && OIDC_CLIENT_ID ? { issuer: OIDC_ISSUER_URL, clientId: OIDC_CLIENT_ID, scope: OIDC_SCOPE } : null,
    };
  }

  @Public()
  @Post('dev-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: a token for a seeded demo user (404 unless AUTH_DEV_LOGIN=true)' })
  @ApiOkResponse({ type: TokenResponseDto })
  @DeclareErrors({ also: [404], why: { 400: 'Not valid, or not a known active user', 404: 'The dev login is off (AUTH_DEV_LOGIN)', 409: 'The dev login has no AUTH_JWT_SECRET to sign with' } })
  async devLogin(@Body() dto: DevLoginDto): Promise<TokenResponseDto> {
    this.assertDevLogin();
    const user = await this.db.read((repos) => repos.users.findBySubject(dto.subject));
    if (!user || !user.active) {
      throw new DomainError('VALIDATION_FAILED', 'Onbekende gebruiker. / Unknown user.', [{ field: 'subject', messages: ['Dit is geen gekende, actieve gebruiker. / subject is not a known user'] }]);
    }
    const { token, expiresIn } = this.verifier.sign(user.subject, { name: user.displayName });
    return { accessToken: token, tokenType: 'Bearer', expiresIn };
  }

  @Public()
  @Get('dev-users')
  @ApiOperation({ summary: 'Development only: the users the dev login offers' })
  @ApiOkResponse({ type: [UserSummaryDto] })
  @DeclareErrors({ also: [404], why: { 404: 'The dev login is off (AUTH_DEV_LOGIN)' } })
  async devUsers(): Promise<UserSummaryDto[]> {
    this.assertDevLogin();
    return this.db.read(async (repos) => {
      const users = (await repos.users.list()).filter((u) => u.active);
      const bindings = await repos.users.casesOfUsers(users.map((u) => u.id));
      return users.map((u) => toSummary({ ...u, caseIds: bindings.get(u.id) ?? [] }));
    });
  }

  @Get('me')
  @Allow('readOwnWork')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() p: Principal): MeDto {
    const actions = Object.keys(RULES) as Action[];
    return {
      ...toSummary({ ...p, id: p.userId, active: true }),
      mayDo: actions.filter((a) => mayEverDo(p, a)),
      mayDoForAll: actions.filter((a) => mayDoForAll(p, a)),
    };
  }

  private assertDevLogin(): void {
    if (!this.config.AUTH_DEV_LOGIN) throw new DomainError('NOT_FOUND', 'Niet gevonden. / Not found.');
  }
}

export function toSummary(u: { id: string; subject: string; displayName: string; organisation: string; roles: string[]; councilCode: string | null; caseIds: string[]; active: boolean }): UserSummaryDto {
  return { id: u.id, subject: u.subject, displayName: u.displayName, organisation: u.organisation, roles: u.roles, councilCode: u.councilCode, caseIds: u.caseIds, active: u.active };
}

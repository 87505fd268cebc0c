import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cluster/domain';
import { CaseAsOfService, type CaseAsOfWithChain } from '@cluster/audit';
import { CurrentPrincipal, Allow } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ErrorResponseDto } from '../platform/error-response';
import { uuidParam } from '../platform/id-param';
import { AsOfAtQueryDto } from './as-of.query';
import { CaseAsOfDto } from './case-as-of.dto';

const uuid = uuidParam();

/** The case as it stood at a moment, rebuilt from the recorded events (also `GET /api/cases/:id?asOf=`). */
@ApiTags('accountability')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('cases/:id')
export class CaseAsOfController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly asOf: CaseAsOfService,
  ) {}

  @Get('as-of')
  @Allow('readCase')
  @ApiOperation({
    summary: 'The case as it stood at a moment, rebuilt from its audit events (not from today’s tables)',
    description: 'Stage, roadmap version, scores, advice, decision, agreement and signatures, budget figures. Same as GET /api/cases/{id}?asOf=…',
  })
  @ApiOkResponse({ type: CaseAsOfDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not an ISO 8601 date-time, or in the future' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such case, or it did not exist yet at that moment' })
  async at(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: AsOfAtQueryDto): Promise<CaseAsOfWithChain> {
    await this.cases.visible(p, id);
    return this.asOf.caseAsOf(id, new Date(q.at), new Date(), 'at');
  }
}

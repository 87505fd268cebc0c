import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cluster/domain';
import { DecisionTraceService, type DecisionTrace } from '@cluster/cases';
import { CurrentPrincipal, Allow } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ErrorResponseDto } from '../platform/error-response';
import { uuidParam } from '../platform/id-param';
import { DecisionTraceDto } from './decision-trace.dto';

const uuid = uuidParam();

/** The decision trace: for auditors first, for everyone who may read the case. */
@ApiTags('accountability')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('cases/:id')
export class DecisionsController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly traces: DecisionTraceService,
  ) {}

  @Get('decisions')
  @Allow('readCase')
  @ApiOperation({
    summary: 'The decision trace: each decision, approval and budget release with the exact inputs it rested on',
    description:
      'Oldest first. A government decision names the roadmap version and its SHA-256, the assessments with their scores, ' +
      "each council's advice or its lapse, the proposer and the approver; a release names its requester, approver and booked " +
      'movement. Every record lists the audit events (seq + hash) it rests on, to check against the chain.',
  })
  @ApiOkResponse({ type: DecisionTraceDto })
  async trace(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<DecisionTrace> {
    await this.cases.visible(p, id);
    return this.traces.trace(id);
  }
}

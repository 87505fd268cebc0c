import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cluster/domain';
import { Allow, CurrentPrincipal } from '../auth/principal.decorator';
import { uuidParam } from '../platform/id-param';
import { AdviceRequestDetailDto } from './advice-request-detail.dto';
import { AdviceRequestDetails } from './advice-request-details.service';

const uuid = uuidParam();

/** One advice request and what the council advises on. */
@ApiTags('work')
@ApiBearerAuth()
@Controller('advice-requests')
export class AdviceRequestController {
  constructor(private readonly details: AdviceRequestDetails) {}

  @Get(':id')
  // The addressed council, or whoever reads the case (decided per request by AdviceRequestAccess).
  @Allow('readAdviceRequest')
  @ApiOperation({
    summary: 'An advice request with the frozen roadmap version under advice (content, SHA-256, attachments) and the case’s identity',
    description: 'Members of the addressed council, and whoever may read the case. Nothing else of the case is in it.',
  })
  @ApiOkResponse({ type: AdviceRequestDetailDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<AdviceRequestDetailDto> {
    return this.details.get(p, id);
  }
}

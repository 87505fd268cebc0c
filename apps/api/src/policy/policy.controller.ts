import { Body, Controller, Get, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cluster/domain';
import { ReferenceDataService } from '@cluster/reference-data';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { actorOf } from '../cases/case-updates.service';
import { context } from '../process/request-context';
import { PolicyPublishedDto, PolicyVersionDto, PolicyVersionSummaryDto, PublishPolicyDto } from './policy.dto';

const version = new ParseIntPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'The version is not a number.', [{ field: 'version', messages: ['version must be a whole number'] }]),
});

/** Reference data (criteria, councils, terms, instruments) as versions: a running case keeps its own. */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('policy-versions')
export class PolicyController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Get()
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'All versions, newest first' })
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
  @Allow('publishPolicy')
  @ApiOperation({ summary: 'Publish a new version (admin); running cases keep theirs' })
  @ApiCreatedResponse({ type: PolicyPublishedDto })
  publish(@Req() req: AuthenticatedRequest, @Body() dto: PublishPolicyDto) {
    const ctx = context(req);
    return this.referenceData.publish(actorOf(ctx), dto.content, dto.reason, ctx.requestId);
  }
}

import { Body, Controller, Get, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cluster/domain';
import { ReferenceDataService } from '@cluster/reference-data';
import { Roles, type AuthenticatedRequest } from '../auth/principal.decorator';
import { actorOf } from '../cases/case-updates.service';
import { context } from '../process/request-context';
import { PublishPolicyDto } from './policy.dto';

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
  @ApiOperation({ summary: 'All versions, newest first' })
  list() {
    return this.referenceData.list();
  }

  @Get('latest')
  @ApiOperation({ summary: 'The version new cases start with' })
  latest() {
    return this.referenceData.get('latest');
  }

  @Get(':version')
  @ApiOperation({ summary: 'One version, with its content and SHA-256' })
  one(@Param('version', version) v: number) {
    return this.referenceData.get(v);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a new version (admin); running cases keep theirs' })
  publish(@Req() req: AuthenticatedRequest, @Body() dto: PublishPolicyDto) {
    const ctx = context(req);
    return this.referenceData.publish(actorOf(ctx), dto.content, dto.reason, ctx.requestId);
  }
}

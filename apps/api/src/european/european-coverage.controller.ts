import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EuropeanCoverageService } from '@cluster/cases';
import { PARTNERSHIP_KIND_WORDS } from '@cluster/domain';
import { Allow } from '../auth/principal.decorator';
import { EuropeanCoverageDto } from './european-coverage.dto';

/** European alignment of the portfolio (issue 14); a sub-route of the portfolio overview, in its own controller. */
@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('portfolio/european-coverage')
export class EuropeanCoverageController {
  constructor(private readonly coverage: EuropeanCoverageService) {}

  @Get()
  @Allow('readEuropeanCoverage')
  @ApiOperation({ summary: "Per European partnership, which open cases' latest submitted roadmaps link to it and how; the overlaps (two or more clusters)" })
  @ApiOkResponse({ type: EuropeanCoverageDto })
  async get(): Promise<EuropeanCoverageDto> {
    const c = await this.coverage.coverage();
    return {
      ...c,
      partnerships: c.partnerships.map((p) => ({ ...p, kind: p.partnership.kind, kindName: PARTNERSHIP_KIND_WORDS[p.partnership.kind] ?? PARTNERSHIP_KIND_WORDS.other })),
    };
  }
}

import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PortfolioService } from '@cluster/cases';
import { Allow } from '../auth/principal.decorator';
import { languageOf } from '../platform/i18n/language';
import { PortfolioDto } from './portfolio.dto';
import { filterOf, PortfolioExportQueryDto, PortfolioQueryDto } from './portfolio-query.dto';
import { portfolioCsv } from './portfolio-csv';

/** How many overdue items a CSV export lists (the screen pages; a spreadsheet takes them all). */
const EXPORT_OVERDUE_LIMIT = 10_000;

/** The portfolio overview across cases, for civil servants, policy owners and auditors. */
@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get()
  @Allow('readPortfolio')
  @ApiOperation({ summary: 'The portfolio overview: funnel per call and year, overdue terms and tasks, councils’ turnaround, budget per instrument against the envelopes, dialogue outcomes, leverage (filters: call, year, stage)' })
  @ApiOkResponse({ type: PortfolioDto })
  overview(@Query() q: PortfolioQueryDto) {
    return this.portfolio.overview(filterOf(q), { limit: q.overdueLimit, offset: q.overdueOffset });
  }

  @Get('export')
  @Allow('readPortfolio')
  @ApiOperation({ summary: 'One section of the overview as CSV for Flemish Excel (UTF-8 with BOM, semicolons, euro with a decimal comma), in the language of Accept-Language' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(@Req() req: Request, @Query() q: PortfolioExportQueryDto, @Res() res: Response): Promise<void> {
    const overview = await this.portfolio.overview(filterOf(q), { limit: EXPORT_OVERDUE_LIMIT, offset: 0 }, new Date(), EXPORT_OVERDUE_LIMIT);
    const csv = portfolioCsv(overview, q.section, languageOf(req));
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="portfolio-${q.section}.csv"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(csv);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BudgetService } from '@cluster/budget';
import type { Principal } from '@cluster/domain';
import { CurrentPrincipal, Allow } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { uuidParam } from '../platform/id-param';

class InstrumentBudgetDto {
  @ApiProperty({ example: 'IWT' }) instrumentCode!: string;
  @ApiProperty({ description: 'Integer cents' }) earmarkedCents!: number;
  @ApiProperty({ description: 'Requested, awaiting approval (cents)' }) requestedCents!: number;
  @ApiProperty({ description: 'Approved and booked (cents)' }) approvedCents!: number;
  @ApiProperty({ description: 'Booked releases (cents)' }) releasedCents!: number;
  @ApiProperty({ description: 'earmarked − released (cents)' }) remainingCents!: number;
}

const uuid = uuidParam();

@ApiTags('budget')
@ApiBearerAuth()
@Controller('cases/:id/budget')
export class BudgetController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly budget: BudgetService,
  ) {}

  @Get()
  @Allow('readCase')
  @ApiOperation({ summary: 'Per instrument: earmarked, requested, approved, released, remaining (exact cents)' })
  @ApiOkResponse({ type: [InstrumentBudgetDto] })
  async overview(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.cases.visible(p, id);
    return this.budget.overview(id);
  }
}

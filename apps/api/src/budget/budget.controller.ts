import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BudgetService } from '@cluster/budget';
import { DomainError, type Principal } from '@cluster/domain';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { CaseCommandsGateway } from '../cases/case-commands.gateway';

class InstrumentBudgetDto {
  @ApiProperty({ example: 'IWT' }) instrumentCode!: string;
  @ApiProperty({ description: 'Integer cents' }) earmarkedCents!: number;
  @ApiProperty({ description: 'Requested, awaiting approval (cents)' }) requestedCents!: number;
  @ApiProperty({ description: 'Approved and booked (cents)' }) approvedCents!: number;
  @ApiProperty({ description: 'Booked releases (cents)' }) releasedCents!: number;
  @ApiProperty({ description: 'earmarked − released (cents)' }) remainingCents!: number;
}

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'The case id is not a UUID.', [{ field: 'id', messages: ['id must be a UUID'] }]),
});

@ApiTags('budget')
@ApiBearerAuth()
@Controller('cases/:id/budget')
export class BudgetController {
  constructor(
    private readonly cases: CaseCommandsGateway,
    private readonly budget: BudgetService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Per instrument: earmarked, requested, approved, released, remaining (exact cents)' })
  @ApiOkResponse({ type: [InstrumentBudgetDto] })
  async overview(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.cases.readable(p, id);
    return this.budget.overview(id);
  }
}

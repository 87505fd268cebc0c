import { Global, Module } from '@nestjs/common';
import { AccountabilityModule } from '@cluster/cases';
import { CaseAsOfModule } from '@cluster/audit';
import { CasesApiModule } from '../cases/cases-api.module';
import { CaseAsOfController } from './case-as-of.controller';
import { DecisionsController } from './decisions.controller';

/**
 * The auditors' read models (issue 5): the decision trace and the case as of a moment.
 * Global so that `GET /api/cases/:id?asOf=` (CasesController) reaches the same as-of service.
 */
@Global()
@Module({
  imports: [CasesApiModule, AccountabilityModule, CaseAsOfModule],
  controllers: [DecisionsController, CaseAsOfController],
  exports: [CaseAsOfModule],
})
export class AccountabilityApiModule {}

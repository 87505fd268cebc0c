import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { AuditModule } from '@cluster/audit';
import { CaseCommandsGateway } from './case-commands.gateway';
import { CasesController } from './cases.controller';
import { CaseUpdates } from './case-updates.service';
import { CaseSearchAttributes } from './case-search-attributes.service';
import { PartyAmendmentsController } from './party-amendments.controller';

@Module({
  imports: [CasesModule, AuditModule],
  controllers: [CasesController, PartyAmendmentsController],
  providers: [CaseCommandsGateway, CaseUpdates, CaseSearchAttributes],
  exports: [CaseCommandsGateway, CaseUpdates, CaseSearchAttributes],
})
export class CasesApiModule {}

import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { AuditModule } from '@cluster/audit';
import { CaseAccess } from './case-access.service';
import { CaseCommands } from './case-commands.service';
import { CasesController } from './cases.controller';
import { CaseUpdates } from './case-updates.service';
import { CaseSearchAttributes } from './case-search-attributes.service';
import { PartyAmendmentsController } from './party-amendments.controller';

@Module({
  imports: [CasesModule, AuditModule],
  controllers: [CasesController, PartyAmendmentsController],
  providers: [CaseAccess, CaseCommands, CaseUpdates, CaseSearchAttributes],
  exports: [CaseAccess, CaseUpdates, CaseSearchAttributes],
})
export class CasesApiModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';

@Module({
  imports: [AuditModule],
  providers: [CaseCommandsService, CaseQueriesService],
  exports: [CaseCommandsService, CaseQueriesService],
})
export class CasesModule {}

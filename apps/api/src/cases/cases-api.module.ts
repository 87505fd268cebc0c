import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { AuditModule } from '@cluster/audit';
import { CaseCommandsGateway } from './case-commands.gateway';
import { CasesController } from './cases.controller';

@Module({
  imports: [CasesModule, AuditModule],
  controllers: [CasesController],
  providers: [CaseCommandsGateway],
})
export class CasesApiModule {}

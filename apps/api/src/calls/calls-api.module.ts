import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { CallsController } from './calls.controller';

@Module({
  imports: [CasesModule, CasesApiModule],
  controllers: [CallsController],
})
export class CallsApiModule {}

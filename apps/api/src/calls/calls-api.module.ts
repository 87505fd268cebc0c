import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { CallsController } from './calls.controller';
import { CallCommands } from './call-commands.service';
import { SelectionController } from './selection.controller';

@Module({
  imports: [CasesModule, CasesApiModule],
  controllers: [CallsController, SelectionController],
  providers: [CallCommands],
})
export class CallsApiModule {}

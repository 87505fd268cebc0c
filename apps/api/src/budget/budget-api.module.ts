import { Module } from '@nestjs/common';
import { BudgetModule } from '@cluster/budget';
import { CasesApiModule } from '../cases/cases-api.module';
import { BudgetController } from './budget.controller';

@Module({ imports: [BudgetModule, CasesApiModule], controllers: [BudgetController] })
export class BudgetApiModule {}

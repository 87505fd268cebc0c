import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { ApprovalsModule } from '@cluster/approvals';
import { BudgetService } from './budget.service';

@Module({ imports: [AuditModule, ApprovalsModule], providers: [BudgetService], exports: [BudgetService] })
export class BudgetModule {}

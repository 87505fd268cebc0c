import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { ApprovalsService } from './approvals.service';

@Module({ imports: [AuditModule], providers: [ApprovalsService], exports: [ApprovalsService] })
export class ApprovalsModule {}

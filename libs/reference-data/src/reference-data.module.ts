import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@cluster/approvals';
import { AuditModule } from '@cluster/audit';
import { PolicyProposalsService } from './policy-proposals.service';
import { ReferenceDataService } from './reference-data.service';

@Module({ imports: [AuditModule, ApprovalsModule], providers: [ReferenceDataService, PolicyProposalsService], exports: [ReferenceDataService, PolicyProposalsService] })
export class ReferenceDataModule {}

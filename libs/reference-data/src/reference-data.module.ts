import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { ReferenceDataService } from './reference-data.service';

@Module({ imports: [AuditModule], providers: [ReferenceDataService], exports: [ReferenceDataService] })
export class ReferenceDataModule {}

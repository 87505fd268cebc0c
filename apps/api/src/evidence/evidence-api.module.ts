import { Module } from '@nestjs/common';
import { EvidenceModule } from '@cluster/audit';
import { CasesApiModule } from '../cases/cases-api.module';
import { EvidenceController } from './evidence.controller';
import { SigningKeyController } from './signing-key.controller';

@Module({
  imports: [EvidenceModule, CasesApiModule],
  controllers: [EvidenceController, SigningKeyController],
})
export class EvidenceApiModule {}

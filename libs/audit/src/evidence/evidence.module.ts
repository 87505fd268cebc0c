import { Module } from '@nestjs/common';
import { AppConfig } from '@cluster/config';
import { EvidenceExportService } from './evidence-export.service';
import { EvidenceSigningKey, loadEvidenceSigningKey } from './signing-key';

/** The signing key (loaded, or on first use generated, at start-up) and the export service. */
@Module({
  providers: [
    { provide: EvidenceSigningKey, inject: [AppConfig], useFactory: (config: AppConfig) => loadEvidenceSigningKey(config.AUDIT_SIGNING_KEY_FILE) },
    EvidenceExportService,
  ],
  exports: [EvidenceSigningKey, EvidenceExportService],
})
export class EvidenceModule {}

export * from './hash-chain';
export * from './audit.service';
export * from './audit.module';
export * from './document-hash';

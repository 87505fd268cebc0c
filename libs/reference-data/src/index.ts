export * from './policy-v1';
export * from './demo-users';
export * from './reference-data.service';
export * from './policy-proposals.service';
export * from './reference-data.module';

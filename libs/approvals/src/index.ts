export * from './approvals.service';
export * from './approvals.module';

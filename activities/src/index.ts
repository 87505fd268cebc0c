export * from './case.activities';
export * from './activity-errors';
export * from './call.activities';
export * from './audit-head';

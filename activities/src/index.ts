export * from './case.activities';
export * from './activity-errors';

import type { ActivityOptions } from '@temporalio/workflow';

/** Activities write to PostgreSQL: short timeouts, retried with backoff while the database is away. */
export const DB_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'STAGE_CONFLICT', 'CONFLICT'],
  },
};

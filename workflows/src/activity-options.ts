import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Activities write to PostgreSQL: short timeouts, retried with backoff while the database is away.
 * The API waits for a command's update, so the pause between attempts is added to its response
 * once the database is back; a refused connection fails in milliseconds, so frequent attempts cost
 * little. Hence pauses of at most 2 s (with 1 minute, a 7 s outage answered commands after 15 s).
 */
export const DB_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '2 seconds',
    nonRetryableErrorTypes: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'STAGE_CONFLICT', 'CONFLICT'],
  },
};

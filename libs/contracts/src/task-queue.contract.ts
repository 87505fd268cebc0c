/** The one task queue the case worker polls. Frozen wire name. */
export const CASE_TASK_QUEUE = 'cluster-cases';

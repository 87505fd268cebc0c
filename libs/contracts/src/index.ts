export * from './task-queue.contract';
export * from './command.contract';
export * from './case-workflow.contract';
export * from './term-workflow.contract';
export * from './case-updates.contract';
export * from './termination.contract';
export * from './call-workflow.contract';
export * from './case-search-attributes.contract';

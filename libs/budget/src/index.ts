export * from './budget.service';
export * from './budget.module';

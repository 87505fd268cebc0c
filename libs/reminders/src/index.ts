export * from './reminders.service';
export * from './reminders.module';

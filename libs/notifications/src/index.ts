export * from './messages';
export * from './notifications.service';
export * from './email-dispatcher.service';
export * from './notifications.module';

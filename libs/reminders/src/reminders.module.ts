import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { NotificationsModule } from '@cluster/notifications';
import { RemindersService } from './reminders.service';

@Module({ imports: [AuditModule, NotificationsModule], providers: [RemindersService], exports: [RemindersService] })
export class RemindersModule {}

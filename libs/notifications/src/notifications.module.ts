import { Module } from '@nestjs/common';
import { EmailDispatcher } from './email-dispatcher.service';
import { NotificationsService } from './notifications.service';

@Module({ providers: [NotificationsService, EmailDispatcher], exports: [NotificationsService, EmailDispatcher] })
export class NotificationsModule {}

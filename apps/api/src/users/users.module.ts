import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { UserAccountsService } from './user-accounts.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], controllers: [UsersController], providers: [UsersService, UserAccountsService] })
export class UsersModule {}

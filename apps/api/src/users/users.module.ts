import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { UserAccountsController } from './user-accounts.controller';
import { UserAccountsService } from './user-accounts.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], controllers: [UsersController, UserAccountsController], providers: [UsersService, UserAccountsService] })
export class UsersModule {}

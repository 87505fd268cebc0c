import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}

import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@cluster/reference-data';
import { PolicyController } from './policy.controller';

@Module({ imports: [ReferenceDataModule], controllers: [PolicyController] })
export class PolicyApiModule {}

import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@cluster/reference-data';
import { PolicyController, PolicyProposalsController } from './policy.controller';

@Module({ imports: [ReferenceDataModule], controllers: [PolicyController, PolicyProposalsController] })
export class PolicyApiModule {}

import { Module } from '@nestjs/common';
import { EuropeanCoverageService } from '@cluster/cases';
import { EuropeanCoverageController } from './european-coverage.controller';

@Module({ controllers: [EuropeanCoverageController], providers: [EuropeanCoverageService] })
export class EuropeanAlignmentApiModule {}

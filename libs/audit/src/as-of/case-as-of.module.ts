import { Module } from '@nestjs/common';
import { CaseAsOfService } from './case-as-of.service';

@Module({ providers: [CaseAsOfService], exports: [CaseAsOfService] })
export class CaseAsOfModule {}

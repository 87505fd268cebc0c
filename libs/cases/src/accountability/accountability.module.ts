import { Module } from '@nestjs/common';
import { DecisionTraceService } from './decision-trace.service';

/** Read models for auditors (issue 5). */
@Module({ providers: [DecisionTraceService], exports: [DecisionTraceService] })
export class AccountabilityModule {}

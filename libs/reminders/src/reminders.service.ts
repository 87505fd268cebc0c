import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';

export type TermEventKind = 'reminder' | 'lapsed';

export interface TermEvent {
  caseId: string;
  subject: string;
  kind: TermEventKind;
  dueAt: string;
  /** When the timer fired, by the workflow's clock. */
  firedAt: Date;
  workflowId: string;
  /** Unique per timer firing, so a retried activity records it once. */
  idempotencyKey: string;
}

/**
 * Records what a term's timers did: reminders before the term ends and its lapse. Delivery
 * (mail, inbox) builds on these records; the record itself is what auditors rely on.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async recordTermEvent(event: TermEvent): Promise<void> {
    await this.db.transaction(async (repos) => {
      if (await repos.audit.findByIdempotencyKey(event.idempotencyKey)) return;
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: event.kind === 'reminder' ? 'term.reminder_sent' : 'term.lapsed',
        caseId: event.caseId,
        payload: { subject: event.subject, dueAt: event.dueAt },
        workflowId: event.workflowId,
        idempotencyKey: event.idempotencyKey,
        occurredAt: event.firedAt,
      });
    });
  }
}

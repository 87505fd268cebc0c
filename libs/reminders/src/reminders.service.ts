import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { NotificationsService, termReminder, type Recipients } from '@cluster/notifications';

export type TermEventKind = 'reminder' | 'lapsed';

export interface TermEvent {
  caseId: string;
  subject: string;
  kind: TermEventKind;
  dueAt: string;
  /** When the timer fired, by the workflow's clock. */
  firedAt: Date;
  recipients: Recipients;
  workflowId: string;
  /** Unique per timer firing, so a retried activity records it once. */
  idempotencyKey: string;
}

/**
 * Records what a term's timers did (reminders before the term ends) and notifies the recipients,
 * in one transaction: the audit record and the notifications (in-app and e-mail outbox) go together.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
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
      if (event.kind === 'reminder') {
        const row = await repos.cases.findById(event.caseId);
        await this.notifications.notify(repos, event.recipients, {
          caseId: event.caseId,
          kind: 'term_reminder',
          message: termReminder(event.subject, row?.clusterName ?? event.caseId, new Date(event.dueAt)),
          key: event.idempotencyKey,
          at: event.firedAt,
        });
      }
    });
  }
}

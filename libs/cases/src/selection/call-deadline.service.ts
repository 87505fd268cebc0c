import { Injectable } from '@nestjs/common';
import { AuditService } from '@cluster/audit';
import { callDeadlineReminder, NotificationsService } from '@cluster/notifications';
import { SYSTEM_ACTOR } from '@cluster/domain';
import { Database } from '@cluster/persistence';

/**
 * What a call's durable timers do (workflows/src/call.workflow.ts): remind the candidates whose
 * roadmap is still not submitted, and close registration at its moment. Each in one transaction
 * with its audit event in the system stream; idempotent by the timer's key.
 */
@Injectable()
export class CallDeadlineService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Reminds the people of every candidate still drafting; answers how many cases were reminded. */
  async remind(callId: string, daysBefore: number, firedAt: Date, workflowId: string): Promise<number> {
    const idempotencyKey = `${workflowId}:reminder:${daysBefore}`;
    return this.db.transaction(async (repos) => {
      const earlier = await repos.audit.findByIdempotencyKey(idempotencyKey);
      if (earlier) return Number((earlier.payload as { reminded?: number }).reminded ?? 0);
      const call = await repos.calls.findById(callId);
      if (!call) throw new Error(`Call ${callId} is missing`);
      const drafting = (await repos.calls.candidates(callId)).filter((c) => c.stage === 'roadmap_drafting');
      for (const c of drafting) {
        const representatives = await repos.users.boundTo(c.id);
        await this.notifications.notify(repos, { userIds: [c.accountManagerId, ...representatives] }, {
          caseId: c.id,
          kind: 'call_deadline_reminder',
          message: callDeadlineReminder(call.title, c.clusterName, call.registrationClosesAt),
          key: `${idempotencyKey}:${c.id}`,
          at: firedAt,
        });
      }
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'call.reminder_sent',
        caseId: null,
        payload: { callId, title: call.title, daysBefore, registrationClosesAt: call.registrationClosesAt.toISOString(), reminded: drafting.length, cases: drafting.map((c) => c.id) },
        workflowId,
        idempotencyKey,
        occurredAt: firedAt,
      });
      return drafting.length;
    });
  }

  /** Registration closes: the row says so from now on, with the candidates it closed with. */
  async closeRegistration(callId: string, firedAt: Date, workflowId: string): Promise<{ candidates: number }> {
    const idempotencyKey = `${workflowId}:registration-closed`;
    return this.db.transaction(async (repos) => {
      const call = await repos.calls.findByIdForUpdate(callId);
      if (!call) throw new Error(`Call ${callId} is missing`);
      const candidates = await repos.calls.candidates(callId);
      if (await repos.audit.findByIdempotencyKey(idempotencyKey)) return { candidates: candidates.length };
      if (call.status === 'open') await repos.calls.update(callId, { status: 'registration_closed' });
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'call.registration_closed',
        caseId: null,
        payload: { callId, title: call.title, registrationClosesAt: call.registrationClosesAt.toISOString(), candidates: candidates.map((c) => ({ caseId: c.id, clusterName: c.clusterName, stage: c.stage })) },
        workflowId,
        idempotencyKey,
        occurredAt: firedAt,
      });
      return { candidates: candidates.length };
    });
  }
}

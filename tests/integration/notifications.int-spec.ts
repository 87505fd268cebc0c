import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createServices } from '../support/services';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import { caseDetails, demoUser, meta } from '../support/fixtures';

/** Reminders become notifications in the same transaction; the outbox delivers them over real SMTP. */
describe('notifications and the e-mail outbox', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let services: ReturnType<typeof createServices>;
  let caseId: string;

  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestDatabase(), startTestSmtp()]);
    services = createServices(t.db, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_MAX_ATTEMPTS: '3' });
    caseId = randomUUID();
    await services.commands.registerCase(caseId, caseDetails({ clusterName: 'Duurzame chemie' }), { meta: meta(), workflowId: `case-${caseId}`, idempotencyKey: `reg-${caseId}` });
  });
  afterAll(async () => {
    await services.dispatcher.onModuleDestroy();
    await smtp.stop();
    await t.drop();
  });

  const remind = (n: number) =>
    services.reminders.recordTermEvent({
      caseId,
      subject: 'advice-RI',
      kind: 'reminder',
      dueAt: '2027-01-04T22:59:59.999Z',
      firedAt: new Date(),
      recipients: { councilCode: 'RI' },
      workflowId: `case-${caseId}-term-advice-RI`,
      idempotencyKey: `case-${caseId}-term-advice-RI:reminder:${n}`,
    });

  it('notifies the council’s members once per reminder, even when the activity is retried', async () => {
    await remind(1);
    await remind(1);
    const mine = await services.notifications.list(demoUser('council-ri').id, true, 10, 0);
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: 'term_reminder', caseId, emailStatus: 'pending', emailTo: demoUser('council-ri').email });
    expect(mine.items[0]!.title).toMatch(/Herinnering.*04\/01\/2027.*Reminder/);
    expect((await services.notifications.list(demoUser('council-serv').id, false, 10, 0)).total).toBe(0);
  });

  it('delivers the outbox over SMTP and records it', async () => {
    expect(await services.dispatcher.dispatchOnce()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ subject: expect.stringMatching(/^Herinnering/), text: expect.stringMatching(/Duurzame chemie/) });
    expect(smtp.received[0]!.to).toMatchObject({ text: demoUser('council-ri').email });
    const [row] = await t.sql<{ email_status: string; email_attempts: number }>(t.ownerUrl, `SELECT email_status, email_attempts FROM notifications WHERE recipient_id = $1`, [demoUser('council-ri').id]);
    expect(row).toEqual({ email_status: 'sent', email_attempts: 1 });
    expect(await services.dispatcher.dispatchOnce()).toBe(0); // nothing is sent twice
  });

  it('retries a failed delivery later and records the error, then gives up after the last attempt', async () => {
    smtp.refuseNext(1);
    await remind(2);
    expect(await services.dispatcher.dispatchOnce()).toBe(0);
    const failed = await t.sql<{ id: string; email_status: string; email_attempts: number; email_last_error: string }>(
      t.ownerUrl, `SELECT id, email_status, email_attempts, email_last_error FROM notifications WHERE idempotency_key LIKE '%:reminder:2:%'`);
    expect(failed[0]).toMatchObject({ email_status: 'pending', email_attempts: 1, email_last_error: expect.stringMatching(/451|temporarily/) });
    expect(await services.dispatcher.dispatchOnce()).toBe(0); // not due yet: backoff
    await t.sql(t.ownerUrl, `UPDATE notifications SET email_next_attempt_at = now() - interval '1 second' WHERE id = $1`, [failed[0]!.id]);
    expect(await services.dispatcher.dispatchOnce()).toBe(1);
    expect(smtp.received.map((m) => m.subject)).toHaveLength(2);

    smtp.refuseNext(10);
    await remind(3);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await t.sql(t.ownerUrl, `UPDATE notifications SET email_next_attempt_at = NULL WHERE email_status = 'pending'`);
      await services.dispatcher.dispatchOnce();
    }
    const [gaveUp] = await t.sql<{ email_status: string; email_attempts: number }>(t.ownerUrl, `SELECT email_status, email_attempts FROM notifications WHERE idempotency_key LIKE '%:reminder:3:%'`);
    expect(gaveUp).toEqual({ email_status: 'failed', email_attempts: 3 });
  });

  it('marks notifications as read for their recipient only', async () => {
    const ri = demoUser('council-ri').id;
    expect(await services.notifications.markRead(demoUser('council-serv').id, 'all')).toBe(0);
    expect(await services.notifications.markRead(ri, 'all')).toBe(3);
    expect((await services.notifications.list(ri, true, 10, 0)).total).toBe(0);
  });
});

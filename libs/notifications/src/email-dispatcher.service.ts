import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '@cluster/config';
import { Database } from '@cluster/persistence';

/** Waits between attempts: 30 s, 2 min, 10 min, 30 min, then every 2 hours. */
const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000];

/**
 * Delivers the e-mail outbox over SMTP. Due rows are claimed with SKIP LOCKED, sent, and marked
 * sent, or rescheduled with the error recorded, or failed after the last attempt. A crash between
 * sending and committing sends that mail again on the next run (at least once, never lost).
 */
@Injectable()
export class EmailDispatcher implements OnModuleDestroy {
  private readonly logger = new Logger('EmailDispatcher');
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_HOST);
  }

  /** Polls the outbox every EMAIL_POLL_INTERVAL_MS until the module stops. */
  start(): void {
    if (!this.enabled || this.timer) return;
    const tick = () => {
      this.running = this.dispatchOnce()
        .catch((error: unknown) => this.logger.warn(`outbox run failed: ${String(error)}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.config.EMAIL_POLL_INTERVAL_MS);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async onModuleDestroy(): Promise<void> {
    const timer = this.timer;
    this.timer = null;
    if (timer) clearTimeout(timer);
    await this.running;
    this.transport?.close();
  }

  /** One pass over the due outbox entries; returns how many were sent. */
  async dispatchOnce(batch = 20): Promise<number> {
    if (!this.enabled) return 0;
    return this.db.transaction(async (repos) => {
      const due = await repos.notifications.claimDue(new Date(), batch);
      let sent = 0;
      for (const n of due) {
        const attempts = n.emailAttempts + 1;
        try {
          await this.mailer().sendMail({
            from: this.config.SMTP_FROM,
            to: n.emailTo!,
            subject: n.title,
            text: n.body,
            headers: { 'X-Notification-Id': n.id },
          });
          await repos.notifications.update(n.id, { emailStatus: 'sent', emailAttempts: attempts, emailSentAt: new Date(), emailLastError: null });
          sent++;
        } catch (error) {
          const last = attempts >= this.config.EMAIL_MAX_ATTEMPTS;
          const wait = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;
          await repos.notifications.update(n.id, {
            emailStatus: last ? 'failed' : 'pending',
            emailAttempts: attempts,
            emailLastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
            emailNextAttemptAt: last ? null : new Date(Date.now() + wait),
          });
          this.logger.warn(`e-mail ${n.id} to ${n.emailTo} failed (attempt ${attempts}${last ? ', giving up' : ''}): ${String(error)}`);
        }
      }
      return sent;
    });
  }

  private mailer(): Transporter {
    this.transport ??= nodemailer.createTransport({
      host: this.config.SMTP_HOST,
      port: this.config.SMTP_PORT,
      secure: this.config.SMTP_SECURE,
      ...(this.config.SMTP_USER ? { auth: { user: this.config.SMTP_USER, pass: this.config.SMTP_PASSWORD ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return this.transport;
  }
}

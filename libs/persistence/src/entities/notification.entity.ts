import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EmailStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** A notification for one user; doubles as the e-mail outbox entry. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId!: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('text', { name: 'email_to', nullable: true }) emailTo!: string | null;
  @Column('text', { name: 'email_status' }) emailStatus!: EmailStatus;
  @Column('int', { name: 'email_attempts' }) emailAttempts!: number;
  @Column('timestamptz', { name: 'email_next_attempt_at', nullable: true }) emailNextAttemptAt!: Date | null;
  @Column('text', { name: 'email_last_error', nullable: true }) emailLastError!: string | null;
  @Column('timestamptz', { name: 'email_sent_at', nullable: true }) emailSentAt!: Date | null;
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cluster/config';
import { Database, type NotificationEntity, type Repositories, type UserEntity } from '@cluster/persistence';
import type { Message } from './messages';

/** Who should hear of something: a council's members and/or named users. */
export interface Recipients {
  councilCode?: string;
  userIds?: string[];
}

/**
 * Notifications in the app and, through the outbox on the same row, by e-mail. `notify` runs in
 * the caller's transaction: the reminder or escalation and its notifications commit together.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  async notify(repos: Repositories, to: Recipients, n: { caseId: string | null; kind: string; message: Message; key: string; at: Date }): Promise<number> {
    const users = await this.resolve(repos, to);
    const email = Boolean(this.config.SMTP_HOST);
    for (const user of users) {
      const row: NotificationEntity = {
        id: randomUUID(),
        recipientId: user.id,
        caseId: n.caseId,
        kind: n.kind,
        title: n.message.title,
        body: n.message.body,
        createdAt: n.at,
        readAt: null,
        idempotencyKey: `${n.key}:${user.id}`,
        emailTo: email && user.email ? user.email : null,
        emailStatus: email && user.email ? 'pending' : 'skipped',
        emailAttempts: 0,
        emailNextAttemptAt: null,
        emailLastError: null,
        emailSentAt: null,
      };
      await repos.notifications.insert(row);
    }
    return users.length;
  }

  list(recipientId: string, unreadOnly: boolean, limit: number, offset: number) {
    return this.db.read((repos) => repos.notifications.listFor(recipientId, unreadOnly, limit, offset));
  }

  markRead(recipientId: string, ids: string[] | 'all'): Promise<number> {
    return this.db.read((repos) => repos.notifications.markRead(recipientId, ids, new Date()));
  }

  private async resolve(repos: Repositories, to: Recipients): Promise<UserEntity[]> {
    const all = await repos.users.list();
    return all.filter((u) => u.active && ((to.councilCode && u.councilCode === to.councilCode) || to.userIds?.includes(u.id)));
  }
}

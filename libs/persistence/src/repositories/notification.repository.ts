import { IsNull, type EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';

export class NotificationRepository {
  constructor(private readonly m: EntityManager) {}

  /** Inserts unless a notification with the same idempotency key exists (a retried activity). */
  async insert(row: NotificationEntity): Promise<void> {
    await this.m.createQueryBuilder().insert().into(NotificationEntity).values(row).orIgnore().execute();
  }

  async listFor(recipientId: string, unreadOnly: boolean, limit: number, offset: number) {
    const [items, total] = await this.m.findAndCount(NotificationEntity, {
      where: { recipientId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  async markRead(recipientId: string, ids: string[] | 'all', at: Date): Promise<number> {
    const qb = this.m
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: at })
      .where('recipient_id = :recipientId AND read_at IS NULL', { recipientId });
    if (ids !== 'all') qb.andWhere('id = ANY(:ids)', { ids });
    return (await qb.execute()).affected ?? 0;
  }

  /**
   * Claims a batch of due outbox entries for this transaction: SKIP LOCKED lets several workers
   * deliver side by side without sending anything twice.
   */
  claimDue(now: Date, limit: number): Promise<NotificationEntity[]> {
    return this.m
      .createQueryBuilder(NotificationEntity, 'n')
      .where(`n.email_status = 'pending' AND (n.email_next_attempt_at IS NULL OR n.email_next_attempt_at <= :now)`, { now })
      .orderBy('n.created_at', 'ASC')
      .take(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async update(id: string, changes: Partial<NotificationEntity>): Promise<void> {
    await this.m.update(NotificationEntity, { id }, changes);
  }
}

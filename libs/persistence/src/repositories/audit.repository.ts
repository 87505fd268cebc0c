import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities';

export interface AuditPage {
  items: AuditEventEntity[];
  total: number;
}

export class AuditRepository {
  constructor(private readonly m: EntityManager) {}

  /**
   * Serialises appends to one stream for the rest of the transaction, so two commands cannot
   * both extend the chain from the same head. (UNIQUE (stream, seq) is the backstop.)
   */
  async lockStream(stream: string): Promise<void> {
    await this.m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [stream]);
  }

  head(stream: string): Promise<AuditEventEntity | null> {
    return this.m.findOne(AuditEventEntity, { where: { stream }, order: { seq: 'DESC' } });
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<AuditEventEntity | null> {
    return this.m.findOneBy(AuditEventEntity, { idempotencyKey });
  }

  async insert(row: Omit<AuditEventEntity, 'id'>): Promise<AuditEventEntity> {
    // The jsonb payload is typed Record<string, unknown>, which TypeORM's deep-partial type rejects.
    const result = await this.m.insert(AuditEventEntity, row as never);
    return { ...row, id: String(result.identifiers[0]?.id) };
  }

  async listStream(stream: string, limit: number, offset: number): Promise<AuditPage> {
    const [items, total] = await this.m.findAndCount(AuditEventEntity, {
      where: { stream },
      order: { seq: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /** The whole stream in chain order, in batches (for verification of long chains). */
  async *iterateStream(stream: string, batchSize = 1000): AsyncGenerator<AuditEventEntity> {
    let after = 0;
    for (;;) {
      const batch = await this.m
        .createQueryBuilder(AuditEventEntity, 'a')
        .where('a.stream = :stream AND a.seq > :after', { stream, after })
        .orderBy('a.seq', 'ASC')
        .take(batchSize)
        .getMany();
      yield* batch;
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1]!.seq;
    }
  }
}

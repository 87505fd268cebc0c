import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities';

export interface AuditPage {
  items: AuditEventEntity[];
  total: number;
}

/** Filters of the audit timeline and the search across cases; all optional, combined with AND. */
export interface AuditFilter {
  stream?: string;
  caseId?: string;
  action?: string;
  actorId?: string;
  organisation?: string;
  from?: Date;
  to?: Date;
}

/** A chain's newest event: its place and hash. */
export interface StreamHead {
  seq: number;
  hash: string;
}

export class AuditRepository {
  /** `appended`: the streams this transaction wrote to and their newest head, told on after it commits. */
  constructor(
    private readonly m: EntityManager,
    private readonly appended?: Map<string, StreamHead>,
  ) {}

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
    this.appended?.set(row.stream, { seq: Number(row.seq), hash: row.hash });
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

  /**
   * Events matching the filter: within one stream in chain order, across streams by time
   * (newest first, as a search result).
   */
  async search(filter: AuditFilter, limit: number, offset: number): Promise<AuditPage> {
    const q = this.m.createQueryBuilder(AuditEventEntity, 'a');
    if (filter.stream) q.andWhere('a.stream = :stream', { stream: filter.stream });
    if (filter.caseId) q.andWhere('a.case_id = :caseId', { caseId: filter.caseId });
    // An action filter ending in '.' matches a family ('agreement.' → every agreement event).
    if (filter.action) {
      // LIKE with the wildcards escaped: it can use the action index; starts_with() cannot.
      if (filter.action.endsWith('.')) q.andWhere(`a.action LIKE :prefix ESCAPE '\\'`, { prefix: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` });
      else q.andWhere('a.action = :action', { action: filter.action });
    }
    if (filter.actorId) q.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.organisation) q.andWhere('a.organisation = :organisation', { organisation: filter.organisation });
    if (filter.from) q.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('a.occurred_at < :to', { to: filter.to });
    if (filter.stream) q.orderBy('a.seq', 'ASC');
    else q.orderBy('a.occurred_at', 'DESC').addOrderBy('a.id', 'DESC');
    const [items, total] = await q.take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }

  /** The newest event of a stream: its place and hash, nothing else. */
  /** The last event one command wrote to a stream (its key, or a key derived from it as `key:…`): the head it answered with. */
  async lastOfCommand(stream: string, idempotencyKey: string): Promise<{ seq: number; hash: string } | null> {
    const rows: { seq: number; hash: string }[] = await this.m.query(
      `SELECT seq, hash FROM audit_events WHERE stream = $1 AND (idempotency_key = $2 OR starts_with(idempotency_key, $2 || ':')) ORDER BY seq DESC LIMIT 1`,
      [stream, idempotencyKey],
    );
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async headOf(stream: string): Promise<{ seq: number; hash: string } | null> {
    const rows: { seq: number; hash: string }[] = await this.m.query('SELECT seq, hash FROM audit_events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [stream]);
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
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

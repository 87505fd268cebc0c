import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities';
import { AUDIT_EVENT_COLUMNS, streamAuditRows, type StreamRange } from './audit-stream.sql';

export interface AuditPage {
  items: AuditEventEntity[];
  total: number;
  /** How many matching events come before the page's first (the offset asked for, or where `after` lands). */
  offset: number;
}

/**
 * Where a page starts: an offset into the matching events, or (keyset, within one stream) after
 * the event at seq `after`, which the index finds directly however far into the chain it lies.
 */
export type AuditPageStart = { offset: number; after?: undefined } | { after: number; offset?: 0 };

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
    return this.search({ stream }, limit, { offset });
  }

  /**
   * Events matching the filter: within one stream in chain order, across streams by time
   * (newest first, as a search result). The page and its counts in one query: the counts are an
   * uncorrelated subquery, run once, that counts in the index without reading rows. A page past
   * the end has no row to carry them: then they are counted alone.
   */
  async search(filter: AuditFilter, limit: number, start: AuditPageStart): Promise<AuditPage> {
    if (start.after !== undefined && !filter.stream) throw new Error('audit search: `after` pages within one stream only');
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = auditConditions(filter, param);
    const after = start.after !== undefined ? param(start.after) : null;
    const counts = (alias: string) =>
      `SELECT json_build_array(count(*), ${after ? `count(*) FILTER (WHERE ${alias}.seq <= ${after})` : '0'}) AS counts FROM audit_events ${alias} WHERE ${conditions(alias)}`;
    const countParams = params.slice();
    const order = filter.stream ? 'a.seq ASC' : 'a.occurred_at DESC, a.id DESC';
    const rows: (AuditEventEntity & { counts: [number, number] })[] = await this.m.query(
      `SELECT ${AUDIT_EVENT_COLUMNS}, (${counts('x')}) AS counts
         FROM audit_events a
        WHERE ${conditions('a')}${after ? ` AND a.seq > ${after}` : ''}
        ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(start.offset ?? 0)}`,
      params,
    );
    const [total, before] = rows[0]
      ? rows[0].counts
      : (start.offset ?? 0) > 0 || after
        ? (((await this.m.query(counts('x'), countParams)) as { counts: [number, number] }[])[0]?.counts ?? [0, 0])
        : [0, 0];
    return {
      items: rows.map(({ counts: _counts, ...row }) => row),
      total: Number(total),
      offset: after ? Number(before) : (start.offset ?? 0),
    };
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

  /** The whole stream (or a range of it) in chain order, in batches, as raw rows read ahead (see streamAuditRows). */
  iterateStream(stream: string, batchSize = 1000, range: StreamRange = {}): AsyncGenerator<AuditEventEntity> {
    return streamAuditRows((text, values) => this.m.query(text, values), stream, batchSize, range);
  }
}

/** The filter as SQL conditions on the table under `alias`, its values numbered by `param` once for every alias. */
function auditConditions(filter: AuditFilter, param: (value: unknown) => string): (alias: string) => string {
  const parts: ((a: string) => string)[] = [];
  const add = (value: unknown, sql: (a: string, p: string) => string) => {
    const p = param(value);
    parts.push((a) => sql(a, p));
  };
  if (filter.stream) add(filter.stream, (a, p) => `${a}.stream = ${p}`);
  if (filter.caseId) add(filter.caseId, (a, p) => `${a}.case_id = ${p}`);
  // An action filter ending in '.' matches a family ('agreement.' → every agreement event).
  if (filter.action) {
    // LIKE with the wildcards escaped: it can use the action index; starts_with() cannot.
    if (filter.action.endsWith('.')) add(`${filter.action.replace(/[\\%_]/g, '\\$&')}%`, (a, p) => `${a}.action LIKE ${p} ESCAPE '\\'`);
    else add(filter.action, (a, p) => `${a}.action = ${p}`);
  }
  if (filter.actorId) add(filter.actorId, (a, p) => `${a}.actor_id = ${p}`);
  if (filter.organisation) add(filter.organisation, (a, p) => `${a}.organisation = ${p}`);
  if (filter.from) add(filter.from, (a, p) => `${a}.occurred_at >= ${p}`);
  if (filter.to) add(filter.to, (a, p) => `${a}.occurred_at < ${p}`);
  return (alias) => (parts.length ? parts.map((part) => part(alias)).join(' AND ') : 'TRUE');
}

import { In, type EntityManager } from 'typeorm';
import { DomainError, type Principal, type Role } from '@cluster/domain';
import { UserCaseEntity, UserEntity } from '../entities';

export interface UserAccountFilter {
  role?: Role;
  active?: boolean;
  /** Part of the name, e-mail address or subject. */
  search?: string;
  /** Just this user (to show one account as the list does). */
  id?: string;
  limit: number;
  offset: number;
}

/** A user with what an administrator needs beside them: bindings and how much work waits on them. */
export interface UserAccountRow {
  user: UserEntity;
  caseIds: string[];
  openTasks: number;
  managedCases: number;
}

/** The unique indexes that say "this person already has an account", and the field each names. */
const DUPLICATE_FIELDS: Record<string, string> = { users_subject_key: 'subject', users_email_unique_idx: 'email' };

export class UserRepository {
  constructor(private readonly m: EntityManager) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.m.findOneBy(UserEntity, { id });
  }

  findBySubject(subject: string): Promise<UserEntity | null> {
    return this.m.findOneBy(UserEntity, { subject });
  }

  /**
   * The active user behind a token's subject as the permissions table sees them, with the cases a
   * cluster representative is bound to, in one query (every request asks this; read each time,
   * never cached, so a deactivation or a changed role takes effect on the next request).
   * null when no active user has this subject.
   */
  async activePrincipal(subject: string): Promise<Principal | null> {
    const rows: { id: string; subject: string; display_name: string; organisation: string; roles: Role[]; council_code: string | null; case_ids: string[] }[] =
      await this.m.query(
        `SELECT u.id, u.subject, u.display_name, u.organisation, u.roles, u.council_code,
                CASE WHEN 'cluster_representative' = ANY(u.roles)
                     THEN COALESCE((SELECT array_agg(b.case_id::text ORDER BY b.bound_at, b.case_id) FROM user_cases b WHERE b.user_id = u.id), '{}')
                     ELSE '{}' END AS case_ids
           FROM users u WHERE u.subject = $1 AND u.active`,
        [subject],
      );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      subject: row.subject,
      displayName: row.display_name,
      organisation: row.organisation,
      roles: row.roles,
      councilCode: row.council_code,
      caseIds: row.case_ids,
    };
  }

  /** The account with this e-mail address, whatever its case (one person, one account). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.m.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** Several users at once (names for a read model); unknown ids are simply absent. */
  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.m.findBy(UserEntity, { id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** Display names by id for a list that says who did what; empty and repeated ids are fine, unknown ones absent. */
  async displayNames(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const users = await this.findByIds(ids.filter((id): id is string => Boolean(id)));
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /**
   * Locks these users' rows for the rest of the transaction, in id order so that two
   * administrators changing each other wait for one another instead of deadlocking.
   */
  async lockForUpdate(ids: string[]): Promise<UserEntity[]> {
    const sorted = [...new Set(ids)].sort();
    const rows: UserEntity[] = [];
    for (const id of sorted) {
      const row = await this.m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (row) rows.push(row);
    }
    return rows;
  }

  list(): Promise<UserEntity[]> {
    return this.m.find(UserEntity, { order: { displayName: 'ASC' } });
  }

  /** The administrator's list: filtered, paged, with bindings and open work per user. */
  async listAccounts(filter: UserAccountFilter): Promise<{ items: UserAccountRow[]; total: number }> {
    const qb = this.m.createQueryBuilder(UserEntity, 'u');
    if (filter.id) qb.andWhere('u.id = :id', { id: filter.id });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.search) {
      qb.andWhere(`(u.display_name ILIKE :q ESCAPE '\\' OR u.email ILIKE :q ESCAPE '\\' OR u.subject ILIKE :q ESCAPE '\\')`, { q: `%${escapeLike(filter.search)}%` });
    }
    qb.orderBy('u.display_name', 'ASC').addOrderBy('u.id', 'ASC').take(filter.limit).skip(filter.offset);
    const [users, total] = await qb.getManyAndCount();
    const ids = users.map((u) => u.id);
    const [bindings, work] = await Promise.all([this.casesOfUsers(ids), this.openWorkCounts(ids)]);
    const items = users.map((user) => ({ user, caseIds: bindings.get(user.id) ?? [], ...(work.get(user.id) ?? { openTasks: 0, managedCases: 0 }) }));
    return { items, total };
  }

  private async openWorkCounts(ids: string[]): Promise<Map<string, { openTasks: number; managedCases: number }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; open_tasks: number; managed_cases: number }[] = await this.m.query(
      `SELECT u.id,
              (SELECT count(*)::int FROM case_tasks t JOIN cases c ON c.id = t.case_id
                 WHERE t.status = 'open' AND t.assignee_ref = u.id::text AND c.stage <> 'closed') AS open_tasks,
              (SELECT count(*)::int FROM cases c WHERE c.account_manager_id = u.id AND c.stage <> 'closed') AS managed_cases
         FROM users u WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { openTasks: r.open_tasks, managedCases: r.managed_cases }]));
  }

  /** The cases a cluster representative is bound to, oldest binding first. */
  /** The users bound to a case (its cluster representatives). */
  async boundTo(caseId: string): Promise<string[]> {
    return (await this.m.find(UserCaseEntity, { where: { caseId }, order: { boundAt: 'ASC', userId: 'ASC' } })).map((r) => r.userId);
  }

  async casesOf(userId: string): Promise<string[]> {
    const rows = await this.m.find(UserCaseEntity, { where: { userId }, order: { boundAt: 'ASC', caseId: 'ASC' } });
    return rows.map((r) => r.caseId);
  }

  async casesOfUsers(userIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!userIds.length) return map;
    const rows = await this.m.find(UserCaseEntity, { where: { userId: In(userIds) }, order: { boundAt: 'ASC', caseId: 'ASC' } });
    for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.caseId]);
    return map;
  }

  /** Makes these the user's cases: new ones are bound, the others unbound. */
  async bindCases(userId: string, caseIds: string[], at: Date): Promise<void> {
    const wanted = [...new Set(caseIds)];
    const qb = this.m.createQueryBuilder().delete().from(UserCaseEntity).where('user_id = :userId', { userId });
    if (wanted.length) qb.andWhere('NOT (case_id = ANY(:wanted))', { wanted });
    await qb.execute();
    if (wanted.length) {
      await this.m.createQueryBuilder().insert().into(UserCaseEntity).values(wanted.map((caseId) => ({ userId, caseId, boundAt: at }))).orIgnore().execute();
    }
  }

  /** A new person; a second account for the same subject or e-mail is a 409 naming the field. */
  async insert(user: Omit<UserEntity, 'createdAt'>): Promise<void> {
    try {
      await this.m.insert(UserEntity, user);
    } catch (error) {
      const constraint = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      const field = constraint?.code === '23505' ? DUPLICATE_FIELDS[constraint.constraint ?? ''] : undefined;
      if (field) throw duplicatePerson(field);
      throw error;
    }
  }

  async update(id: string, changes: Partial<Pick<UserEntity, 'roles' | 'councilCode' | 'active' | 'deactivatedAt' | 'deactivationReason'>>): Promise<void> {
    await this.m.update(UserEntity, { id }, changes);
  }

  /** Inserts or refreshes a user by id (used by the seed, which is re-run on every start). */
  async upsert(user: Omit<UserEntity, 'createdAt' | 'deactivatedAt' | 'deactivationReason'>): Promise<void> {
    await this.m.upsert(UserEntity, user, ['id']);
  }
}

/** The refusal of a second account for one person (also raised by the service before inserting). */
export function duplicatePerson(field: string): DomainError {
  const [nl, en] =
    field === 'email'
      ? ['Er bestaat al een gebruiker met dit e-mailadres.', 'A user with this e-mail address already exists.']
      : ['Er bestaat al een gebruiker met dit subject.', 'A user with this subject already exists.'];
  return new DomainError('CONFLICT', `${nl} / ${en}`, [{ field, messages: [`${nl} / ${en}`] }]);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

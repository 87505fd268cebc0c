import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@cluster/audit';
import { DomainError, type Actor } from '@cluster/domain';
import { Database, duplicatePerson, type Repositories, type UserEntity } from '@cluster/persistence';
import type { CreateUserDto } from './create-user.dto';
import type { UpdateUserDto } from './update-user.dto';
import { assertNotSelfLockout, assertShape, sameSet, type UserShape } from './user-rules';

/** A user with the cases they are bound to. */
export interface UserWithCases {
  user: UserEntity;
  caseIds: string[];
}

/**
 * User administration. Each change and its event in the system audit stream (case_id NULL, with
 * the acting administrator and their reason) commit in one transaction, or neither does.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserWithCases[]> {
    return this.db.read(async (repos) => {
      const users = await repos.users.list();
      const bindings = await repos.users.casesOfUsers(users.map((u) => u.id));
      return users.map((user) => ({ user, caseIds: bindings.get(user.id) ?? [] }));
    });
  }

  async create(actor: Actor, dto: CreateUserDto, requestId: string): Promise<UserWithCases> {
    const shape: UserShape = { roles: dto.roles, councilCode: dto.councilCode ?? null, caseIds: dto.caseIds ?? [] };
    assertShape(shape);
    return this.db.transaction(async (repos) => {
      await assertActingAdmin(repos, actor.userId);
      // Checked first for a clear answer; the unique indexes decide when two requests race.
      if (await repos.users.findBySubject(dto.subject)) throw duplicatePerson('subject');
      if (await repos.users.findByEmail(dto.email)) throw duplicatePerson('email');
      await assertBindingsExist(repos, shape, { councilCode: null, caseIds: [] });
      const now = new Date();
      const user = {
        id: randomUUID(),
        subject: dto.subject,
        displayName: dto.displayName,
        email: dto.email,
        organisation: dto.organisation,
        roles: dto.roles,
        councilCode: shape.councilCode,
        active: true,
        deactivatedAt: null,
        deactivationReason: null,
      };
      await repos.users.insert(user);
      await repos.users.bindCases(user.id, shape.caseIds, now);
      await this.audit.append(repos, {
        actor,
        action: 'user.created',
        caseId: null,
        reason: dto.reason,
        payload: { id: user.id, subject: user.subject, displayName: user.displayName, email: user.email, organisation: user.organisation, roles: user.roles, councilCode: user.councilCode, caseIds: shape.caseIds },
        requestId,
        occurredAt: now,
      });
      return { user: (await repos.users.findById(user.id))!, caseIds: shape.caseIds };
    });
  }

  /** New roles and bindings; what the request leaves out stays. A change that changes nothing records nothing. */
  async update(actor: Actor, userId: string, dto: UpdateUserDto, requestId: string): Promise<UserWithCases> {
    if (dto.roles === undefined && dto.councilCode === undefined && dto.caseIds === undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Er is niets te wijzigen. / There is nothing to change.', [
        { field: 'roles', messages: ['Geef nieuwe rollen, een raad of dossiers op. / Give new roles, a council or cases.'] },
      ]);
    }
    assertNotSelfLockout(actor.userId, userId, { roles: dto.roles });
    return this.db.transaction(async (repos) => {
      const user = await lockTarget(repos, actor.userId, userId);
      if (!user.active) {
        throw new DomainError('CONFLICT', `${user.displayName} is gedeactiveerd; een gedeactiveerde gebruiker krijgt geen rollen of dossiers meer. / ${user.displayName} is deactivated; a deactivated user gets no more roles or cases.`);
      }
      const before: UserShape = { roles: user.roles, councilCode: user.councilCode, caseIds: await repos.users.casesOf(userId) };
      const after: UserShape = {
        roles: dto.roles ?? before.roles,
        councilCode: dto.councilCode === undefined ? before.councilCode : dto.councilCode,
        caseIds: dto.caseIds ?? before.caseIds,
      };
      assertShape(after);
      if (sameSet(before.roles, after.roles) && before.councilCode === after.councilCode && sameSet(before.caseIds, after.caseIds)) {
        return { user, caseIds: before.caseIds };
      }
      await assertBindingsExist(repos, after, before);
      const now = new Date();
      await repos.users.update(userId, { roles: after.roles, councilCode: after.councilCode });
      await repos.users.bindCases(userId, after.caseIds, now);
      await this.audit.append(repos, {
        actor,
        action: 'user.updated',
        caseId: null,
        reason: dto.reason,
        payload: { id: userId, subject: user.subject, before, after },
        requestId,
        occurredAt: now,
      });
      return { user: (await repos.users.findById(userId))!, caseIds: after.caseIds };
    });
  }

  /**
   * The user can no longer sign in or act: the auth guard reads the users table on every request,
   * so their tokens stop working with the next request. Their bindings stay (the record of whom they
   * represented); their open work is listed for a handover (GET /api/users/:id/open-work).
   */
  async deactivate(actor: Actor, userId: string, reason: string, requestId: string): Promise<UserWithCases> {
    assertNotSelfLockout(actor.userId, userId, { deactivate: true });
    return this.db.transaction(async (repos) => {
      const user = await lockTarget(repos, actor.userId, userId);
      if (!user.active) {
        const since = user.deactivatedAt ? user.deactivatedAt.toISOString() : '';
        throw new DomainError('CONFLICT', `${user.displayName} is al gedeactiveerd (${since}). / ${user.displayName} is already deactivated (${since}).`);
      }
      const now = new Date();
      const [tasks, managed] = await Promise.all([repos.tasks.listOpenAssignedTo(userId), repos.cases.managedBy(userId)]);
      await repos.users.update(userId, { active: false, deactivatedAt: now, deactivationReason: reason });
      await this.audit.append(repos, {
        actor,
        action: 'user.deactivated',
        caseId: null,
        reason,
        payload: { id: userId, subject: user.subject, openTaskIds: tasks.map((t) => t.id), managedCaseIds: managed.map((c) => c.id) },
        requestId,
        occurredAt: now,
      });
      return { user: (await repos.users.findById(userId))!, caseIds: await repos.users.casesOf(userId) };
    });
  }
}

/**
 * Locks the acting administrator and the target (in one order, so two administrators acting on
 * each other take turns) and checks that the actor is still an active administrator: the guard
 * checked at the start of the request, but another administrator may have changed them since.
 */
async function lockTarget(repos: Repositories, actorId: string, userId: string): Promise<UserEntity> {
  const rows = await repos.users.lockForUpdate([actorId, userId]);
  assertAdmin(rows.find((u) => u.id === actorId));
  const user = rows.find((u) => u.id === userId);
  if (!user) throw new DomainError('NOT_FOUND', 'Deze gebruiker bestaat niet. / This user does not exist.');
  return user;
}

async function assertActingAdmin(repos: Repositories, actorId: string): Promise<void> {
  assertAdmin((await repos.users.lockForUpdate([actorId]))[0]);
}

function assertAdmin(actor: UserEntity | undefined): void {
  if (!actor?.active || !actor.roles.includes('admin')) {
    throw new DomainError('FORBIDDEN', 'U bent intussen geen actieve beheerder meer. / You are no longer an active administrator.');
  }
}

/** A new council or case binding must name a council of the current reference data and an existing case. */
async function assertBindingsExist(repos: Repositories, after: UserShape, before: Pick<UserShape, 'councilCode' | 'caseIds'>): Promise<void> {
  if (after.councilCode && after.councilCode !== before.councilCode) {
    const policy = await repos.policies.latest();
    if (!policy?.content.councils.some((c) => c.code === after.councilCode)) {
      throw new DomainError('VALIDATION_FAILED', 'Onbekende adviesraad. / Unknown council.', [
        { field: 'councilCode', messages: [`${after.councilCode} is geen adviesraad van de referentiegegevens. / ${after.councilCode} is not a council of the reference data.`] },
      ]);
    }
  }
  const added = after.caseIds.filter((id) => !before.caseIds.includes(id));
  if (added.length) {
    const found = new Set((await repos.cases.findByIds(added)).map((c) => c.id));
    const unknown = added.filter((id) => !found.has(id));
    if (unknown.length) {
      throw new DomainError('VALIDATION_FAILED', 'Onbekend dossier. / Unknown case.', [
        { field: 'caseIds', messages: [`Deze dossiers bestaan niet: ${unknown.join(', ')}. / These cases do not exist: ${unknown.join(', ')}.`] },
      ]);
    }
  }
}

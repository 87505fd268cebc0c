import { Injectable } from '@nestjs/common';
import { PERSONAL_TASK_KINDS } from '@cluster/cases';
import { DomainError } from '@cluster/domain';
import { Database, type UserAccountFilter, type UserAccountRow } from '@cluster/persistence';
import type { OpenWorkDto, UserAccountDto, UserAccountPageDto } from './user-responses.dto';
import type { UserWithCases } from './users.service';

/** The administration's reads: users with their bindings and the work that waits on them. */
@Injectable()
export class UserAccountsService {
  constructor(private readonly db: Database) {}

  async page(filter: UserAccountFilter): Promise<UserAccountPageDto> {
    const { items, total } = await this.db.read((repos) => repos.users.listAccounts(filter));
    return { items: items.map(toAccount), total, limit: filter.limit, offset: filter.offset };
  }

  /** A user just changed, as the list shows them. */
  async account(changed: UserWithCases): Promise<UserAccountDto> {
    const { items } = await this.db.read((repos) => repos.users.listAccounts({ id: changed.user.id, limit: 1, offset: 0 }));
    return toAccount(items[0] ?? { ...changed, openTasks: 0, managedCases: 0 });
  }

  /** What still waits on a person: their open tasks and the open cases they manage, for a handover. */
  async openWork(userId: string): Promise<OpenWorkDto> {
    return this.db.read(async (repos) => {
      const user = await repos.users.findById(userId);
      if (!user) throw new DomainError('NOT_FOUND', 'Deze gebruiker bestaat niet. / This user does not exist.');
      const [tasks, managed] = await Promise.all([repos.tasks.listOpenAssignedTo(userId), repos.cases.managedBy(userId)]);
      const names = new Map((await repos.cases.findByIds([...new Set(tasks.map((t) => t.caseId))])).map((c) => [c.id, c.clusterName]));
      return {
        userId,
        active: user.active,
        tasks: tasks.map((t) => ({
          id: t.id,
          caseId: t.caseId,
          clusterName: names.get(t.caseId) ?? null,
          kind: t.kind,
          dueAt: t.dueAt?.toISOString() ?? null,
          transferable: !PERSONAL_TASK_KINDS.includes(t.kind),
        })),
        managedCases: managed.map((c) => ({ id: c.id, clusterName: c.clusterName, stage: c.stage })),
      };
    });
  }
}

function toAccount(r: UserAccountRow): UserAccountDto {
  const u = r.user;
  return {
    id: u.id,
    subject: u.subject,
    displayName: u.displayName,
    email: u.email,
    organisation: u.organisation,
    roles: u.roles,
    councilCode: u.councilCode,
    caseIds: r.caseIds,
    active: u.active,
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    deactivationReason: u.deactivationReason,
    openTasks: r.openTasks,
    managedCases: r.managedCases,
    createdAt: u.createdAt.toISOString(),
  };
}

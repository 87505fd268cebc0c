import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@cluster/audit';
import { DomainError, type Actor, type FieldError } from '@cluster/domain';
import { Database, type UserEntity } from '@cluster/persistence';
import type { CreateUserDto } from './create-user.dto';

/** User administration: each change is recorded in the system audit stream in the same transaction. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.db.read((repos) => repos.users.list());
  }

  async create(actor: Actor, dto: CreateUserDto, requestId: string): Promise<UserEntity> {
    const problems: FieldError[] = [];
    if (dto.roles.includes('council_member') !== Boolean(dto.councilCode)) {
      problems.push({ field: 'councilCode', messages: ['councilCode is required for, and only for, council members'] });
    }
    if (dto.roles.includes('cluster_representative') !== Boolean(dto.caseId)) {
      problems.push({ field: 'caseId', messages: ['caseId is required for, and only for, cluster representatives'] });
    }
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'The request is not valid.', problems);

    return this.db.transaction(async (repos) => {
      if (await repos.users.findBySubject(dto.subject)) {
        throw new DomainError('CONFLICT', `A user with subject ${dto.subject} already exists.`);
      }
      if (dto.councilCode) {
        const policy = await repos.policies.latest();
        if (!policy?.content.councils.some((c) => c.code === dto.councilCode)) {
          throw new DomainError('VALIDATION_FAILED', 'Unknown council.', [{ field: 'councilCode', messages: ['councilCode is not a known council'] }]);
        }
      }
      if (dto.caseId && !(await repos.cases.findById(dto.caseId))) {
        throw new DomainError('VALIDATION_FAILED', 'Unknown case.', [{ field: 'caseId', messages: ['caseId is not a known case'] }]);
      }
      const user = {
        id: randomUUID(),
        subject: dto.subject,
        displayName: dto.displayName,
        email: dto.email,
        organisation: dto.organisation,
        roles: dto.roles,
        councilCode: dto.councilCode ?? null,
        caseId: dto.caseId ?? null,
        active: true,
      };
      await repos.users.upsert(user);
      await this.audit.append(repos, {
        actor,
        action: 'user.created',
        caseId: null,
        payload: { ...user },
        requestId,
      });
      return (await repos.users.findById(user.id))!;
    });
  }
}

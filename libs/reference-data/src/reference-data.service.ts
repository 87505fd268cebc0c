import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, documentSha256, SYSTEM_STREAM } from '@cluster/audit';
import { DomainError, SYSTEM_ACTOR } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { DEMO_USERS } from './demo-users';
import { POLICY_V1 } from './policy-v1';

/** Loads reference data into an empty database, and the demo users where they are wanted. */
@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** Returns the version it created, or null when reference data was already there. */
  async ensurePolicy(): Promise<number | null> {
    return this.db.transaction(async (repos) => {
      // Serialises concurrent seeds (two starts at once) on the system stream's lock.
      await repos.audit.lockStream(SYSTEM_STREAM);
      if (await repos.policies.latest()) return null;
      const sha256 = documentSha256(POLICY_V1);
      await repos.policies.insert({ version: 1, content: POLICY_V1, sha256, createdBy: SYSTEM_ACTOR.userId });
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'policy.version_published',
        caseId: null,
        payload: { version: 1 },
        documentHashes: [sha256],
        idempotencyKey: 'seed:policy:1',
      });
      return 1;
    });
  }

  list() {
    return this.db.read((repos) => repos.policies.list());
  }

  async get(version: number | 'latest') {
    const row = await this.db.read((repos) => (version === 'latest' ? repos.policies.latest() : repos.policies.get(version)));
    if (!row) throw new DomainError('NOT_FOUND', `Versie ${version} van de referentiegegevens bestaat niet. / Reference data version ${version} does not exist.`);
    return row;
  }

  /** Creates the first administrator unless a user with that subject exists; true when created. */
  async ensureAdmin(admin: { subject: string; displayName: string; email: string }): Promise<boolean> {
    return this.db.transaction(async (repos) => {
      if (await repos.users.findBySubject(admin.subject)) return false;
      const user = { id: randomUUID(), ...admin, organisation: 'Beheer / Administration', roles: ['admin' as const], councilCode: null, active: true };
      await repos.users.upsert(user);
      await this.audit.append(repos, {
        actor: SYSTEM_ACTOR,
        action: 'user.created',
        caseId: null,
        payload: { ...user, bootstrap: true },
        idempotencyKey: `bootstrap:admin:${admin.subject}`,
      });
      return true;
    });
  }

  /** Adds the demo users that are missing; returns how many were added. */
  async ensureDemoUsers(): Promise<number> {
    return this.db.transaction(async (repos) => {
      let added = 0;
      for (const user of DEMO_USERS) {
        if (await repos.users.findById(user.id)) continue;
        await repos.users.upsert({ ...user, active: true });
        await this.audit.append(repos, {
          actor: SYSTEM_ACTOR,
          action: 'user.created',
          caseId: null,
          payload: { ...user, demo: true },
          idempotencyKey: `seed:user:${user.id}`,
        });
        added++;
      }
      return added;
    });
  }
}

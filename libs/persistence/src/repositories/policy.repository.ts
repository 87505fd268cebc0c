import type { EntityManager } from 'typeorm';
import { PolicyVersionEntity } from '../entities';

export class PolicyRepository {
  constructor(private readonly m: EntityManager) {}

  latest(): Promise<PolicyVersionEntity | null> {
    return this.m.findOne(PolicyVersionEntity, { where: {}, order: { version: 'DESC' } });
  }

  /** All versions, newest first, without their (large) content. */
  list(): Promise<Pick<PolicyVersionEntity, 'version' | 'sha256' | 'createdBy' | 'createdAt'>[]> {
    return this.m.find(PolicyVersionEntity, { select: { version: true, sha256: true, createdBy: true, createdAt: true }, order: { version: 'DESC' } });
  }

  get(version: number): Promise<PolicyVersionEntity | null> {
    return this.m.findOneBy(PolicyVersionEntity, { version });
  }

  async insert(row: Omit<PolicyVersionEntity, 'createdAt'>): Promise<void> {
    await this.m.insert(PolicyVersionEntity, row);
  }
}

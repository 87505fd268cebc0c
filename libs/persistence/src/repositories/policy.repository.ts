import type { EntityManager } from 'typeorm';
import { PolicyVersionEntity } from '../entities';

export class PolicyRepository {
  constructor(private readonly m: EntityManager) {}

  latest(): Promise<PolicyVersionEntity | null> {
    return this.m.findOne(PolicyVersionEntity, { where: {}, order: { version: 'DESC' } });
  }

  get(version: number): Promise<PolicyVersionEntity | null> {
    return this.m.findOneBy(PolicyVersionEntity, { version });
  }

  async insert(row: Omit<PolicyVersionEntity, 'createdAt'>): Promise<void> {
    await this.m.insert(PolicyVersionEntity, row);
  }
}

import type { EntityManager } from 'typeorm';
import { PolicyProposalEntity, PolicyVersionEntity, type PolicyProposalStatus } from '../entities';

export class PolicyRepository {
  constructor(private readonly m: EntityManager) {}

  latest(): Promise<PolicyVersionEntity | null> {
    return this.m.findOne(PolicyVersionEntity, { where: {}, order: { version: 'DESC' } });
  }

  /** All versions, newest first, without their (large) content. */
  list(): Promise<Pick<PolicyVersionEntity, 'version' | 'sha256' | 'createdBy' | 'approvedBy' | 'createdAt'>[]> {
    return this.m.find(PolicyVersionEntity, { select: { version: true, sha256: true, createdBy: true, approvedBy: true, createdAt: true }, order: { version: 'DESC' } });
  }

  get(version: number): Promise<PolicyVersionEntity | null> {
    return this.m.findOneBy(PolicyVersionEntity, { version });
  }

  async insert(row: Omit<PolicyVersionEntity, 'createdAt' | 'approvedBy'> & { approvedBy?: string | null }): Promise<void> {
    await this.m.insert(PolicyVersionEntity, { approvedBy: null, ...row });
  }

  async insertProposal(row: PolicyProposalEntity): Promise<void> {
    await this.m.insert(PolicyProposalEntity, row);
  }

  proposal(id: string): Promise<PolicyProposalEntity | null> {
    return this.m.findOneBy(PolicyProposalEntity, { id });
  }

  proposalForUpdate(id: string): Promise<PolicyProposalEntity | null> {
    return this.m.findOne(PolicyProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  proposalByKey(idempotencyKey: string): Promise<PolicyProposalEntity | null> {
    return this.m.findOneBy(PolicyProposalEntity, { idempotencyKey });
  }

  /** Proposals without their content: newest first, or the waiting ones oldest first. */
  async proposals(filter: { status?: PolicyProposalStatus; limit: number; offset: number }) {
    const [items, total] = await this.m.findAndCount(PolicyProposalEntity, {
      select: { id: true, sha256: true, reason: true, basedOn: true, proposedBy: true, proposedAt: true, status: true, version: true },
      where: filter.status ? { status: filter.status } : {},
      order: { proposedAt: filter.status === 'proposed' ? 'ASC' : 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  async updateProposal(id: string, changes: Partial<Pick<PolicyProposalEntity, 'status' | 'version'>>): Promise<void> {
    await this.m.update(PolicyProposalEntity, { id }, changes);
  }
}

import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../entities';

export class UserRepository {
  constructor(private readonly m: EntityManager) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.m.findOneBy(UserEntity, { id });
  }

  findBySubject(subject: string): Promise<UserEntity | null> {
    return this.m.findOneBy(UserEntity, { subject });
  }

  /** Several users at once (names for a read model); unknown ids are simply absent. */
  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.m.findBy(UserEntity, { id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  list(): Promise<UserEntity[]> {
    return this.m.find(UserEntity, { order: { displayName: 'ASC' } });
  }

  /** Inserts or refreshes a user by id (used by the seed, which is re-run on every start). */
  async upsert(user: Omit<UserEntity, 'createdAt'>): Promise<void> {
    await this.m.upsert(UserEntity, user, ['id']);
  }
}

import type { EntityManager } from 'typeorm';
import { DocumentEntity, type DocumentOwnerType } from '../entities';

export class DocumentRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: DocumentEntity): Promise<void> {
    await this.m.insert(DocumentEntity, row);
  }

  findById(id: string): Promise<DocumentEntity | null> {
    return this.m.findOneBy(DocumentEntity, { id });
  }

  /** The owner's document with these bytes, if they were attached before. */
  findByContent(ownerType: DocumentOwnerType, ownerId: string, sha256: string): Promise<DocumentEntity | null> {
    return this.m.findOneBy(DocumentEntity, { ownerType, ownerId, sha256 });
  }

  listForOwner(ownerType: DocumentOwnerType, ownerId: string): Promise<DocumentEntity[]> {
    return this.m.find(DocumentEntity, { where: { ownerType, ownerId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  listForCase(caseId: string): Promise<DocumentEntity[]> {
    return this.m.find(DocumentEntity, { where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }
}

import { IsNull, type EntityManager } from 'typeorm';
import { AgreementSignatureEntity, AgreementVersionEntity } from '../entities/agreement.entities';

export class AgreementRepository {
  constructor(private readonly m: EntityManager) {}

  async insertVersion(row: AgreementVersionEntity): Promise<void> {
    await this.m.insert(AgreementVersionEntity, row as never);
  }

  versions(caseId: string): Promise<AgreementVersionEntity[]> {
    return this.m.find(AgreementVersionEntity, { where: { caseId }, order: { version: 'ASC' } });
  }

  versionByKey(idempotencyKey: string): Promise<AgreementVersionEntity | null> {
    return this.m.findOneBy(AgreementVersionEntity, { idempotencyKey });
  }

  async setStatus(id: string, status: AgreementVersionEntity['status']): Promise<void> {
    await this.m.update(AgreementVersionEntity, { id }, { status });
  }

  async insertSignature(row: AgreementSignatureEntity): Promise<void> {
    await this.m.insert(AgreementSignatureEntity, row);
  }

  signatureByKey(idempotencyKey: string): Promise<AgreementSignatureEntity | null> {
    return this.m.findOneBy(AgreementSignatureEntity, { idempotencyKey });
  }

  validSignatures(agreementVersionId: string): Promise<AgreementSignatureEntity[]> {
    return this.m.find(AgreementSignatureEntity, { where: { agreementVersionId, voidedAt: IsNull() }, order: { signedAt: 'ASC' } });
  }

  signatures(agreementVersionId: string): Promise<AgreementSignatureEntity[]> {
    return this.m.find(AgreementSignatureEntity, { where: { agreementVersionId }, order: { signedAt: 'ASC' } });
  }

  async voidSignatures(agreementVersionId: string, at: Date): Promise<number> {
    const r = await this.m.update(AgreementSignatureEntity, { agreementVersionId, voidedAt: IsNull() }, { voidedAt: at });
    return r.affected ?? 0;
  }
}

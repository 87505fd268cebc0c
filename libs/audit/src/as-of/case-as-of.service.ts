import { Injectable } from '@nestjs/common';
import { DomainError } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { caseStream } from '../audit.service';
import { ChainVerifier } from '../hash-chain';
import { CaseAsOfProjection } from './case-as-of';
import type { CaseAsOf } from './case-as-of.types';

export interface CaseAsOfWithChain extends CaseAsOf {
  /** The rebuilt prefix of the chain, verified while it was read. */
  chain: { intact: boolean; checked: number; firstBreakSeq: number | null };
}

/**
 * A case as it stood at a moment, rebuilt from its recorded events (never from today's tables).
 * The chain is streamed in batches and reading stops at the first event after the moment, so a
 * years-long chain is never loaded whole.
 */
@Injectable()
export class CaseAsOfService {
  constructor(private readonly db: Database) {}

  /** `field`: how the caller named the moment, for the 400's field error. */
  async caseAsOf(caseId: string, asOf: Date, now = new Date(), field = 'asOf'): Promise<CaseAsOfWithChain> {
    if (Number.isNaN(asOf.getTime())) throw asOfInvalid(field, `${field} is geen geldig tijdstip. / ${field} is not a valid date-time.`);
    if (asOf.getTime() > now.getTime()) {
      throw asOfInvalid(field, `${field} ${asOf.toISOString()} ligt in de toekomst; het dossier reikt maar tot ${now.toISOString()}. / ${field} ${asOf.toISOString()} lies in the future; the record only reaches ${now.toISOString()}.`);
    }
    const projection = new CaseAsOfProjection(caseId, asOf);
    const verifier = new ChainVerifier();
    for await (const event of this.db.repos.audit.iterateStream(caseStream(caseId), 500)) {
      if (!projection.apply(event)) break;
      verifier.add(event);
    }
    if (!projection.caseExisted) {
      throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestond nog niet op ${asOf.toISOString()}; kies een later tijdstip. / Case ${caseId} did not exist yet at ${asOf.toISOString()}.`);
    }
    const chain = verifier.result();
    return { ...projection.result(), chain: { intact: chain.ok, checked: chain.checked, firstBreakSeq: chain.firstBreak?.seq ?? null } };
  }
}

function asOfInvalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, [{ field, messages: [message] }]);
}

import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { callProblems, callStatusAt, DomainError, refusalText, registrationClosesAt, registrationRefusal, RULES, type Actor, type CallInput } from '@cluster/domain';
import { Database, type CallEntity } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';

export interface CallView {
  id: string;
  title: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  submissionDeadline: string;
  registrationClosesAt: string;
  /** `open` until registration closes (the moment above), then `registration_closed`. */
  status: CallEntity['status'];
  maxSelected: number;
  envelopes: { instrumentCode: string; amountCents: number }[];
  policyVersion: number;
  openedBy: string;
  openedAt: string;
  /** Cases registered to it. */
  candidates: number;
}

/** Namespace of call ids: the same request (its id) always names the same call. */
const CALL_ID_NAMESPACE = '8c4e7f2a-1b3d-4e6f-9a8b-2c5d7e9f0a13';

/** The id of the call a request opens (and of its workflow): a retried request reaches the same call. */
export function callIdFor(requestId: string): string {
  return uuidv5(`call:${requestId}`, CALL_ID_NAMESPACE);
}

const notFound = (id: string) => new DomainError('NOT_FOUND', `Oproep ${id} bestaat niet; kies ze in de lijst van oproepen. / Call ${id} does not exist.`);

/**
 * Calls for spearhead clusters (libs/domain/src/call.ts): a policy owner opens one; a case's
 * editors register it while its roadmap is drafted. Each change commits with its audit event: the
 * call's in the system stream, a registration in the case's own trail.
 */
@Injectable()
export class CallService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /**
   * What is wrong with a call before anything starts (the API asks this before it starts the
   * call's workflow, so a refused request leaves no process behind and can be corrected and sent
   * again under the same request id); `open` asks it again inside its transaction.
   */
  async problems(input: CallInput): Promise<void> {
    const policy = await this.db.read((repos) => repos.policies.latest());
    if (!policy) throw new DomainError('CONFLICT', 'Er zijn geen referentiegegevens geladen; vraag een beheerder ze te laden. / No reference data is loaded; run the seed first.');
    const problems = callProblems(input, { instrumentCodes: policy.content.instruments.map((i) => i.code), now: new Date() });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De oproep is niet volledig of niet juist; zie de velden. / The call is incomplete or wrong; see the fields.', problems);
  }

  /** `requestId` makes it idempotent: the same request again answers with the call it opened. */
  async open(input: CallInput, actor: Actor, requestId: string, id = callIdFor(requestId)): Promise<CallView> {
    const idempotencyKey = `call:${requestId}`;
    await this.db.transaction(async (repos) => {
      if (await repos.calls.findByIdempotencyKey(idempotencyKey)) return;
      const policy = await repos.policies.latest();
      if (!policy) throw new DomainError('CONFLICT', 'Er zijn geen referentiegegevens geladen; vraag een beheerder ze te laden. / No reference data is loaded; run the seed first.');
      const now = new Date();
      const problems = callProblems(input, { instrumentCodes: policy.content.instruments.map((i) => i.code), now });
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De oproep is niet volledig of niet juist; zie de velden. / The call is incomplete or wrong; see the fields.', problems);
      const row: CallEntity = {
        id,
        title: input.title,
        description: input.description,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        submissionDeadline: input.submissionDeadline,
        registrationClosesAt: registrationClosesAt(input.submissionDeadline, { extraHolidays: policy.content.extraHolidays }),
        maxSelected: input.maxSelected,
        envelopes: input.envelopes.map((e) => ({ instrumentCode: e.instrumentCode, amountCents: e.amountCents })),
        status: 'open',
        policyVersion: policy.version,
        openedBy: actor.userId,
        openedAt: now,
        idempotencyKey,
      };
      await repos.calls.insert(row);
      await this.audit.append(repos, {
        actor,
        action: 'call.opened',
        caseId: null,
        payload: { callId: id, title: row.title, submissionDeadline: row.submissionDeadline, registrationClosesAt: row.registrationClosesAt.toISOString(), maxSelected: row.maxSelected, envelopes: row.envelopes, policyVersion: row.policyVersion },
        requestId,
        workflowId: null,
        idempotencyKey,
        occurredAt: now,
      });
    });
    return this.get(id);
  }

  async get(id: string): Promise<CallView> {
    return this.db.read(async (repos) => {
      const row = await repos.calls.findById(id);
      if (!row) throw notFound(id);
      return viewOf(row, (await repos.calls.candidateCounts([id])).get(id) ?? 0);
    });
  }

  async list(o: { status?: CallEntity['status']; limit: number; offset: number }): Promise<{ items: CallView[]; total: number }> {
    const page = await this.db.read((repos) => repos.calls.list({ ...o, now: new Date() }));
    return { items: page.items.map((c) => viewOf(c, c.candidates)), total: page.total };
  }

  /**
   * Registers a drafting case to an open call, before its deadline; once (the same registration
   * again answers as the first did). Under the case's lock, so a roadmap submission or a handover
   * at the same moment is ordered with it.
   */
  async register(caseId: string, callId: string, actor: Actor, requestId: string): Promise<{ caseId: string; callId: string }> {
    return this.db.transaction(async (repos) => {
      const row = await repos.cases.findByIdForUpdate(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      // The API checked who may (permissions table); checked again under the lock for the account
      // manager, whom a handover may have changed meanwhile.
      if (actor.role === 'case_handler' && row.accountManagerId !== actor.userId) throw new DomainError('FORBIDDEN', refusalText(RULES.registerForCall.refusal));
      const call = await repos.calls.findById(callId);
      if (!call) throw notFound(callId);
      const now = new Date();
      const refusal = registrationRefusal(call, row, callId, now);
      if (refusal) throw new DomainError('STAGE_CONFLICT', refusal);
      if (row.callId === callId) return { caseId, callId };
      await repos.cases.update(caseId, { callId, updatedAt: now });
      await this.audit.append(repos, {
        actor,
        action: 'case.registered_to_call',
        caseId,
        payload: { callId, title: call.title, registrationClosesAt: call.registrationClosesAt.toISOString() },
        requestId,
        workflowId: row.workflowId,
        idempotencyKey: `call-registration:${caseId}:${callId}`,
        occurredAt: now,
      });
      return { caseId, callId };
    });
  }
}

function viewOf(c: CallEntity, candidates: number): CallView {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    submissionDeadline: c.submissionDeadline,
    registrationClosesAt: c.registrationClosesAt.toISOString(),
    // The moment decides, also in the instant between it and the call workflow's closing step.
    status: callStatusAt(c, new Date()),
    maxSelected: c.maxSelected,
    envelopes: c.envelopes,
    policyVersion: c.policyVersion,
    openedBy: c.openedBy,
    openedAt: c.openedAt.toISOString(),
    candidates,
  };
}

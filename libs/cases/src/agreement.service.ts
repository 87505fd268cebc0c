import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { agreementProblems, DomainError, legalDueDate, signerProblems, type AgreementContent, type SignerFacts } from '@cluster/domain';
import { commandRef, Database, type AgreementVersionEntity, type UserEntity } from '@cluster/persistence';
import { AuditService, documentSha256 } from '@cluster/audit';
import { BudgetService } from '@cluster/budget';
import { NotificationsService } from '@cluster/notifications';
import { lockCaseFor, policyOf, type CommandContext } from './case-lock';
import { handler, newTask } from './tasks';

import type { AgreementDrafted, AgreementSigned } from '@cluster/contracts';

/**
 * The partnership agreement (DOMAIN.md step 6): a version is frozen by its SHA-256 and every party
 * signs that hash through its authorised representative before a deadline. Any new version voids
 * the signatures given. The last signature books the earmarks and starts the structured dialogue.
 */
@Injectable()
export class AgreementService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly notifications: NotificationsService,
  ) {}

  async draft(caseId: string, content: AgreementContent, acceptedAt: Date, ctx: CommandContext): Promise<AgreementDrafted> {
    return this.db.once(commandRef(ctx, caseId, 'draftAgreement'), async (repos) => {
      const previous = await repos.agreements.versionByKey(ctx.idempotencyKey);
      const row = previous ? (await repos.cases.findById(caseId))! : await lockCaseFor(repos, caseId, 'draftAgreement');
      const policy = (await policyOf(repos, row)).content;
      const reminders = policy.councils[0]?.reminderDaysBefore ?? [7, 1];
      if (previous) return drafted(previous, reminders, 0);

      const signers = new Map<string, SignerFacts>();
      const bindings = await repos.users.casesOfUsers(content.parties.map((p) => p.representativeUserId));
      for (const p of content.parties) signers.set(p.representativeUserId, signerFacts(await repos.users.findById(p.representativeUserId), bindings));
      const problems = [...agreementProblems(policy, content), ...signerProblems(content.parties, signers, row)];
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De partnerschapsovereenkomst is niet volledig; vul de velden aan die hieronder genoemd worden. / The agreement is not complete.', problems);

      const versions = await repos.agreements.versions(caseId);
      const current = versions.find((v) => v.status === 'signing');
      let voided = 0;
      if (current) {
        voided = await repos.agreements.voidSignatures(current.id, acceptedAt);
        await repos.agreements.setStatus(current.id, 'superseded');
      }
      const version: AgreementVersionEntity = {
        id: randomUUID(),
        caseId,
        version: versions.length + 1,
        content,
        sha256: documentSha256(content),
        status: 'signing',
        signBy: legalDueDate(acceptedAt, policy.signingDeadlineDays, { extraHolidays: policy.extraHolidays }),
        createdBy: ctx.meta.actor.userId,
        createdAt: acceptedAt,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.agreements.insertVersion(version);
      await repos.tasks.close(caseId, 'agreement_draft');
      await repos.tasks.close(caseId, 'agreement_signature');
      for (const p of content.parties) {
        await repos.tasks.open(newTask(caseId, 'agreement_signature', { role: 'signer', ref: p.representativeUserId }, acceptedAt, { subjectId: version.id, dueAt: version.signBy }));
      }
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'agreement.version_drafted',
        caseId,
        reason: ctx.meta.reason,
        payload: {
          version: version.version,
          sha256: version.sha256,
          signBy: version.signBy.toISOString(),
          supersedes: current?.version ?? null,
          voidedSignatures: voided,
          earmarks: content.earmarks,
          termYears: content.termYears,
          parties: content.parties.map((p) => ({ partyId: p.partyId, name: p.name })),
          stage: row.stage,
        },
        documentHashes: [version.sha256],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: acceptedAt,
      });
      return drafted(version, reminders, voided);
    });
  }

  /** A party signs the hash it was shown; only its authorised representative may. */
  async sign(caseId: string, sha256: string, partyId: string, acceptedAt: Date, ctx: CommandContext): Promise<AgreementSigned> {
    return this.db.once(commandRef(ctx, caseId, 'signAgreement'), async (repos) => {
      const previous = await repos.agreements.signatureByKey(ctx.idempotencyKey);
      const versions = await repos.agreements.versions(caseId);
      if (previous) {
        // An attempt whose first one committed before answers were kept (Database.once answers
        // every later one): rebuilt as the first answered, above all whether its signature was
        // the last and started the dialogue, or the workflow would never leave the agreement stage.
        const v = versions.find((x) => x.id === previous.agreementVersionId)!;
        const signedBy = (await repos.agreements.validSignatures(v.id)).filter((s) => s.signedAt.getTime() <= previous.signedAt.getTime()).length;
        const of = v.content.parties.length;
        if (signedBy === of) {
          return {
            version: v.version,
            partyId,
            signed: signedBy,
            of,
            stage: 'structured_dialogue' as const,
            dialogue: { startedAt: previous.signedAt.toISOString(), termYears: v.content.termYears, cadenceMonths: v.content.dialogueCadenceMonths },
          };
        }
        const row = (await repos.cases.findById(caseId))!;
        return { version: v.version, partyId, signed: signedBy, of, stage: row.stage };
      }
      const row = await lockCaseFor(repos, caseId, 'signAgreement');
      const current = versions.find((v) => v.status === 'signing');
      if (!current) throw new DomainError('CONFLICT', 'Er is geen versie van de partnerschapsovereenkomst om te ondertekenen. / There is no agreement version to sign.');
      if (current.sha256 !== sha256) {
        throw new DomainError('CONFLICT', `De tekst is gewijzigd: onderteken versie ${current.version} (SHA-256 ${current.sha256}); laad ze opnieuw. / The text changed: version ${current.version} (SHA-256 ${current.sha256}) is the one to sign.`);
      }
      const party = current.content.parties.find((p) => p.partyId === partyId);
      if (!party) throw new DomainError('NOT_FOUND', `${partyId} is geen partij bij deze partnerschapsovereenkomst. / Party ${partyId} is not a party to this agreement.`);
      if (party.representativeUserId !== ctx.meta.actor.userId) {
        throw new DomainError('FORBIDDEN', `Alleen de gemachtigde vertegenwoordiger van ${party.name} tekent voor die partij. / Only the authorised representative of ${party.name} signs for it.`);
      }
      const signatures = await repos.agreements.validSignatures(current.id);
      if (signatures.some((s) => s.partyId === partyId)) throw new DomainError('CONFLICT', `${party.name} heeft deze versie al ondertekend. / ${party.name} has signed this version already.`);
      await repos.agreements.insertSignature({
        id: randomUUID(),
        agreementVersionId: current.id,
        partyId,
        signerId: ctx.meta.actor.userId,
        sha256,
        signedAt: acceptedAt,
        voidedAt: null,
        idempotencyKey: ctx.idempotencyKey,
      });
      await repos.tasks.close(caseId, 'agreement_signature', { assigneeRef: party.representativeUserId, subjectId: current.id });
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'agreement.signed',
        caseId,
        reason: ctx.meta.reason,
        payload: { version: current.version, partyId, party: party.name, sha256, stage: row.stage },
        documentHashes: [sha256],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: `audit:${ctx.idempotencyKey}`,
        occurredAt: acceptedAt,
      });
      const signed = signatures.length + 1;
      const of = current.content.parties.length;
      if (signed < of) return { version: current.version, partyId, signed, of, stage: row.stage };

      // The last signature: the version holds. First agreement: its earmarks are booked and the
      // dialogue starts. An amendment: only the differences are booked, the dialogue goes on.
      await repos.agreements.setStatus(current.id, 'signed');
      const prior = versions.filter((v) => v.status === 'signed' && v.id !== current.id).at(-1);
      const before = new Map((prior?.content.earmarks ?? []).map((e) => [e.instrumentCode, e.amountCents]));
      const codes = new Set([...before.keys(), ...current.content.earmarks.map((e) => e.instrumentCode)]);
      for (const code of [...codes].sort()) {
        const delta = (current.content.earmarks.find((e) => e.instrumentCode === code)?.amountCents ?? 0) - (before.get(code) ?? 0);
        if (delta === 0) continue;
        await this.budget.earmarkIn(repos, caseId, code, Math.abs(delta), delta > 0 ? 'earmark' : 'unearmark', `Partnerschapsovereenkomst v${current.version}`, {
          actor: ctx.meta.actor,
          requestId: ctx.meta.requestId,
          workflowId: ctx.workflowId,
          idempotencyKey: `${current.id}:earmark:${code}`,
        });
      }
      if (prior) await repos.agreements.setStatus(prior.id, 'superseded');
      await repos.cases.update(caseId, { stage: 'structured_dialogue', updatedAt: acceptedAt });
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: prior ? 'agreement.amended' : 'agreement.fully_signed',
        caseId,
        payload: { version: current.version, sha256, earmarks: current.content.earmarks, previous: prior?.version ?? null, stage: 'structured_dialogue' },
        documentHashes: [sha256],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        occurredAt: acceptedAt,
      });
      return {
        version: current.version,
        partyId,
        signed,
        of,
        stage: 'structured_dialogue' as const,
        // For an amendment the workflow keeps its own start: only term and cadence may change.
        dialogue: { startedAt: acceptedAt.toISOString(), termYears: current.content.termYears, cadenceMonths: current.content.dialogueCadenceMonths },
      };
    });
  }

  /** The signing deadline passed with signatures missing: escalated to the account manager. */
  async signingOverdue(caseId: string, agreementVersionId: string, at: Date, ctx: { workflowId: string; idempotencyKey: string }): Promise<void> {
    await this.db.transaction(async (repos) => {
      if (await repos.tasks.listOpenForCase(caseId).then((t) => t.some((x) => x.kind === 'agreement_overdue' && x.subjectId === agreementVersionId))) return;
      const version = (await repos.agreements.versions(caseId)).find((v) => v.id === agreementVersionId);
      if (!version || version.status !== 'signing') return;
      const row = (await repos.cases.findById(caseId))!;
      const signed = (await repos.agreements.validSignatures(version.id)).map((s) => s.partyId);
      const missing = version.content.parties.filter((p) => !signed.includes(p.partyId)).map((p) => p.name);
      await repos.tasks.open(newTask(caseId, 'agreement_overdue', handler(row.accountManagerId), at, { subjectId: version.id, dueAt: version.signBy }));
      await this.notifications.notify(repos, { userIds: [row.accountManagerId] }, {
        caseId,
        kind: 'agreement_overdue',
        message: {
          title: `Ondertekening te laat: ${row.clusterName} / Signing overdue`,
          body: `De ondertekentermijn van versie ${version.version} is verstreken. Nog niet getekend: ${missing.join(', ')}.\n\nThe signing deadline of version ${version.version} has passed. Not yet signed: ${missing.join(', ')}.`,
        },
        key: ctx.idempotencyKey,
        at,
      });
    });
  }

  list(caseId: string) {
    return this.db.read(async (repos) => {
      const versions = await repos.agreements.versions(caseId);
      return Promise.all(versions.map(async (v) => ({ ...v, signatures: await repos.agreements.signatures(v.id) })));
    });
  }
}

/** A representative as the access rules see them: the same facts the API's guard builds a principal from. */
function signerFacts(u: UserEntity | null, bindings: Map<string, string[]>): SignerFacts {
  if (!u) return null;
  const caseIds = bindings.get(u.id) ?? [];
  return { userId: u.id, subject: u.subject, displayName: u.displayName, organisation: u.organisation, roles: u.roles, councilCode: u.councilCode, caseIds, active: u.active };
}

function drafted(v: AgreementVersionEntity, reminderDaysBefore: number[], voidedSignatures: number): AgreementDrafted {
  return {
    agreementVersionId: v.id,
    version: v.version,
    sha256: v.sha256,
    signBy: v.signBy.toISOString(),
    signers: v.content.parties.map((p) => ({ partyId: p.partyId, userId: p.representativeUserId })),
    reminderDaysBefore,
    voidedSignatures,
  };
}

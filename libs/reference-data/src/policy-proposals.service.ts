import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApprovalsService } from '@cluster/approvals';
import { AuditService, documentSha256, SYSTEM_STREAM } from '@cluster/audit';
import { DomainError, policyProblems, refusalText, RULES, type Actor, type ApprovalDecision, type PolicyDocument } from '@cluster/domain';
import { Database, type PolicyProposalEntity, type Repositories } from '@cluster/persistence';

export interface PolicyProposed {
  proposalId: string;
  approvalId: string;
  sha256: string;
  status: 'proposed';
  basedOn: number | null;
}

export interface PolicyProposalDecided {
  proposalId: string;
  decision: ApprovalDecision;
  status: 'published' | 'sent_back';
  /** The version it became (approved only). */
  version: number | null;
}

/**
 * Publishing reference data is four eyes (issue 13): an administrator proposes a version, which
 * no case uses yet; another administrator approves it (it is then published and new cases pin
 * it) or sends it back (it stays unpublished). The proposal, the approval and the publication are
 * in the system audit stream, each in the transaction that makes it.
 */
@Injectable()
export class PolicyProposalsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
  ) {}

  /** Checks the version (400 naming each field) and records it as proposed. A retried request (same request id) proposes once. */
  async propose(actor: Actor, content: PolicyDocument, reason: string, requestId: string): Promise<PolicyProposed> {
    const problems = policyProblems(content).map((p) => ({ ...p, field: `content.${p.field}` }));
    if (problems.length) {
      throw new DomainError('VALIDATION_FAILED', 'Met deze referentiegegevens kan geen dossier lopen. / A case cannot run on this reference data.', problems);
    }
    const idempotencyKey = `policy-proposal:${actor.userId}:${requestId}`;
    return this.db.transaction(async (repos) => {
      await repos.audit.lockStream(SYSTEM_STREAM);
      const earlier = await repos.policies.proposalByKey(idempotencyKey);
      if (earlier) return proposedOf(earlier, (await repos.approvals.bySubject('policy_version', earlier.id))!.id);
      const at = new Date();
      const proposal: PolicyProposalEntity = {
        id: randomUUID(),
        content,
        sha256: documentSha256(content),
        reason,
        basedOn: (await repos.policies.latest())?.version ?? null,
        proposedBy: actor.userId,
        proposedAt: at,
        status: 'proposed',
        version: null,
        idempotencyKey,
      };
      await repos.policies.insertProposal(proposal);
      await this.audit.append(repos, {
        actor,
        action: 'policy.version_proposed',
        caseId: null,
        reason,
        payload: { proposalId: proposal.id, sha256: proposal.sha256, basedOn: proposal.basedOn },
        documentHashes: [proposal.sha256],
        requestId,
        idempotencyKey,
        occurredAt: at,
      });
      const approval = await this.approvals.request(
        repos,
        {
          caseId: null,
          subjectType: 'policy_version',
          subjectId: proposal.id,
          summary: `Nieuwe versie van de referentiegegevens, op basis van versie ${proposal.basedOn ?? '—'}: ${reason} / New version of the reference data`,
          requestedBy: actor,
          at,
        },
        { workflowId: null, requestId },
      );
      return proposedOf(proposal, approval.id);
    });
  }

  /**
   * A second administrator approves (the version is published: the next number, pinned by new
   * cases from now on) or sends it back. The proposer is refused (403), a decided proposal is a
   * 409, and so is one whose base is no longer the newest version: approving it would silently
   * undo what was published in between.
   */
  async decide(actor: Actor, proposalId: string, decision: ApprovalDecision, comment: string, requestId: string): Promise<PolicyProposalDecided> {
    return this.db.transaction(async (repos) => {
      // The system stream's lock serialises publications, so version numbers never collide.
      await repos.audit.lockStream(SYSTEM_STREAM);
      const proposal = await repos.policies.proposalForUpdate(proposalId);
      if (!proposal) throw new DomainError('NOT_FOUND', `Voorstel ${proposalId} bestaat niet. / Proposal ${proposalId} does not exist.`);
      const approval = (await repos.approvals.bySubject('policy_version', proposal.id))!;
      if (proposal.proposedBy === actor.userId) {
        throw new DomainError('FORBIDDEN', refusalText(RULES.decidePolicyProposal.refusal));
      }
      if (proposal.status !== 'proposed') {
        throw new DomainError('CONFLICT', `Over dit voorstel is al beslist (${proposal.status}). / This proposal was already decided (${proposal.status}).`);
      }
      const latest = (await repos.policies.latest())?.version ?? null;
      if (decision === 'approve' && latest !== proposal.basedOn) {
        throw new DomainError(
          'CONFLICT',
          `Dit voorstel bouwt op versie ${proposal.basedOn ?? '—'}, maar intussen is versie ${latest} gepubliceerd; goedkeuren zou die ongedaan maken. Stuur het terug en stel opnieuw voor op basis van versie ${latest}. / ` +
            `This proposal builds on version ${proposal.basedOn ?? '—'}, but version ${latest} has been published since; approving would undo it. Send it back and propose again on version ${latest}.`,
        );
      }
      const at = new Date();
      await this.approvals.decide(repos, approval.id, actor, decision, comment, { at, workflowId: null, requestId, idempotencyKey: `policy-approval:${approval.id}` });
      if (decision === 'send_back') {
        await repos.policies.updateProposal(proposal.id, { status: 'sent_back' });
        return { proposalId, decision, status: 'sent_back', version: null };
      }
      const version = await this.publish(repos, proposal, actor, comment, requestId, at);
      return { proposalId, decision, status: 'published', version };
    });
  }

  private async publish(repos: Repositories, proposal: PolicyProposalEntity, approver: Actor, comment: string, requestId: string, at: Date): Promise<number> {
    const version = (proposal.basedOn ?? 0) + 1;
    await repos.policies.insert({ version, content: proposal.content, sha256: proposal.sha256, createdBy: proposal.proposedBy, approvedBy: approver.userId });
    await repos.policies.updateProposal(proposal.id, { status: 'published', version });
    await this.audit.append(repos, {
      actor: approver,
      action: 'policy.version_published',
      caseId: null,
      reason: comment,
      payload: { version, previous: proposal.basedOn, proposalId: proposal.id, proposedBy: proposal.proposedBy, approvedBy: approver.userId, reason: proposal.reason },
      documentHashes: [proposal.sha256],
      requestId,
      occurredAt: at,
    });
    return version;
  }

  list(filter: { status?: PolicyProposalEntity['status']; limit: number; offset: number }) {
    return this.db.read((repos) => repos.policies.proposals(filter));
  }

  /** One proposal with its content and its approval (who decided, when, why). */
  async get(id: string) {
    const found = await this.db.read(async (repos) => {
      const proposal = await repos.policies.proposal(id);
      return proposal ? { proposal, approval: (await repos.approvals.bySubject('policy_version', id))! } : null;
    });
    if (!found) throw new DomainError('NOT_FOUND', `Voorstel ${id} bestaat niet. / Proposal ${id} does not exist.`);
    const { proposal, approval } = found;
    const { idempotencyKey: _key, ...shown } = proposal;
    return { ...shown, approvalId: approval.id, decidedBy: approval.decidedBy, decidedAt: approval.decidedAt, comment: approval.comment };
  }
}

function proposedOf(p: PolicyProposalEntity, approvalId: string): PolicyProposed {
  return { proposalId: p.id, approvalId, sha256: p.sha256, status: 'proposed', basedOn: p.basedOn };
}

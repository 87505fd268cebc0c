import { Injectable } from '@nestjs/common';
import { DomainError } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { caseStream } from '@cluster/audit';
import { TraceRecords, type TraceEvent } from './decision-trace.records';
import type { DecisionTrace } from './decision-trace.types';

/**
 * The decision trace of a case (issue 5): for each decision, approval and budget release, the exact
 * inputs it rested on — roadmap version and hash, the assessments and their scores, each council's
 * advice or its lapse, the approver — as one readable record, with the audit events it rests on.
 */
@Injectable()
export class DecisionTraceService {
  constructor(private readonly db: Database) {}

  async trace(caseId: string): Promise<DecisionTrace> {
    return this.db.read(async (repos) => {
      const row = await repos.cases.findById(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      const [roadmaps, assignments, assessments, conclusions, advice, decisions, approvals, releases, movements, milestones, evaluations, versions, cycles, closure] =
        await Promise.all([
          repos.roadmaps.listForCase(caseId),
          repos.assessments.assignmentsForCase(caseId),
          repos.assessments.assessmentsForCase(caseId),
          repos.assessments.conclusions(caseId),
          repos.advice.forCase(caseId),
          repos.decisions.forCase(caseId),
          repos.approvals.forCase(caseId),
          repos.budget.releases(caseId),
          repos.budget.movements(caseId),
          repos.trajectory.milestones(caseId),
          repos.trajectory.evaluations(caseId),
          repos.agreements.versions(caseId),
          repos.dialogue.cycles(caseId),
          repos.dialogue.closure(caseId),
        ]);
      const agreements = await Promise.all(versions.map(async (v) => ({ ...v, signatures: await repos.agreements.signatures(v.id) })));

      // Read the chain once, in batches, keeping only what links an event to a record.
      const events: TraceEvent[] = [];
      for await (const e of repos.audit.iterateStream(caseStream(caseId))) {
        events.push({ seq: e.seq, hash: e.hash, action: e.action, occurredAt: e.occurredAt, idempotencyKey: e.idempotencyKey, reason: e.reason, payload: e.payload });
      }

      const userIds = [
        row.accountManagerId,
        ...roadmaps.map((r) => r.createdBy),
        ...assignments.map((a) => a.assessorId),
        ...conclusions.map((c) => c.concludedBy),
        ...advice.flatMap((a) => (a.advisedBy ? [a.advisedBy] : [])),
        ...decisions.map((d) => d.proposedBy),
        ...approvals.flatMap((a) => [a.requestedBy, ...(a.decidedBy ? [a.decidedBy] : [])]),
        ...releases.map((r) => r.requestedBy),
        ...milestones.flatMap((m) => (m.evidenceBy ? [m.evidenceBy] : [])),
        ...evaluations.map((e) => e.evaluatedBy),
        ...agreements.flatMap((a) => [a.createdBy, ...a.content.parties.map((p) => p.representativeUserId), ...a.signatures.map((s) => s.signerId)]),
        ...(closure ? [closure.closedBy] : []),
        // A call's selection names its proposer and approver in the candidate's own events.
        ...events.flatMap((e) => (e.payload.selectionId ? [e.payload.proposedBy, e.payload.approvedBy].filter((x): x is string => typeof x === 'string') : [])),
      ];
      const names = await repos.users.displayNames(userIds);

      const records = new TraceRecords({
        case: row, roadmaps, assignments, assessments, conclusions, advice, decisions, approvals, releases, movements,
        milestones, evaluations, agreements, cycles, closure, events, names,
      }).all();
      const head = events.at(-1);
      return {
        caseId,
        clusterName: row.clusterName,
        generatedAt: new Date().toISOString(),
        chainHead: head ? { seq: head.seq, hash: head.hash } : null,
        records,
      };
    });
  }
}

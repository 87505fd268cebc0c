import type { EntityManager } from 'typeorm';
import { AuditRepository, type StreamHead } from './audit.repository';
import { CaseRepository } from './case.repository';
import { PolicyRepository } from './policy.repository';
import { RoadmapRepository } from './roadmap.repository';
import { TaskRepository } from './task.repository';
import { UserRepository } from './user.repository';
import { AssessmentRepository } from './assessment.repository';
import { AdviceRepository } from './advice.repository';
import { ApprovalRepository, DecisionRepository } from './decision.repository';
import { DocumentRepository } from './document.repository';
import { NotificationRepository } from './notification.repository';
import { BudgetRepository } from './budget.repository';
import { TrajectoryRepository } from './trajectory.repository';
import { AgreementRepository } from './agreement.repository';
import { DialogueRepository } from './dialogue.repository';
import { CommandResultRepository } from './command-result.repository';
import { TerminationRepository } from './termination.repository';
import { CasePartyAmendmentRepository } from './case-party-amendment.repository';
import { CallRepository } from './call.repository';
import { GovernmentDecisionRepository } from './government-decision.repository';
import { CaseProjectRepository } from './case-project.repository';
import { PortfolioRepository } from './portfolio/portfolio.repository';

export { AuditRepository, CaseRepository, PolicyRepository, RoadmapRepository, TaskRepository, UserRepository, type StreamHead };
export { AssessmentRepository, AdviceRepository, ApprovalRepository, DecisionRepository, NotificationRepository, BudgetRepository, TrajectoryRepository, AgreementRepository, DialogueRepository };
export { DocumentRepository, CommandResultRepository, CasePartyAmendmentRepository, TerminationRepository, GovernmentDecisionRepository, CaseProjectRepository };
export { commandRef, type CommandRef } from './command-result.repository';
export { PortfolioRepository } from './portfolio/portfolio.repository';
export type * from './portfolio/portfolio.repository';
export type { BudgetFigures } from './case-budget-figures.sql';
export type { AdviceRequestFilter } from './advice.repository';
export type { CaseListFilter } from './case.repository';
export type { AuditFilter, AuditPage, AuditPageStart } from './audit.repository';
export { duplicatePerson, type UserAccountFilter, type UserAccountRow } from './user.repository';

/** All repositories bound to one EntityManager (and so to one transaction, when inside one). */
export interface Repositories {
  users: UserRepository;
  policies: PolicyRepository;
  cases: CaseRepository;
  roadmaps: RoadmapRepository;
  tasks: TaskRepository;
  audit: AuditRepository;
  assessments: AssessmentRepository;
  advice: AdviceRepository;
  decisions: DecisionRepository;
  approvals: ApprovalRepository;
  notifications: NotificationRepository;
  budget: BudgetRepository;
  trajectory: TrajectoryRepository;
  agreements: AgreementRepository;
  dialogue: DialogueRepository;
  documents: DocumentRepository;
  commandResults: CommandResultRepository;
  terminations: TerminationRepository;
  partyAmendments: CasePartyAmendmentRepository;
  governmentDecisions: GovernmentDecisionRepository;
  projects: CaseProjectRepository;
  calls: CallRepository;
  portfolio: PortfolioRepository;
}

/** `appendedStreams`: collects the audit streams written in this transaction and their heads (see Database). */
export function repositoriesFor(m: EntityManager, appendedStreams?: Map<string, StreamHead>): Repositories {
  return {
    users: new UserRepository(m),
    policies: new PolicyRepository(m),
    cases: new CaseRepository(m),
    roadmaps: new RoadmapRepository(m),
    tasks: new TaskRepository(m),
    audit: new AuditRepository(m, appendedStreams),
    assessments: new AssessmentRepository(m),
    advice: new AdviceRepository(m),
    decisions: new DecisionRepository(m),
    approvals: new ApprovalRepository(m),
    notifications: new NotificationRepository(m),
    budget: new BudgetRepository(m),
    trajectory: new TrajectoryRepository(m),
    agreements: new AgreementRepository(m),
    dialogue: new DialogueRepository(m),
    documents: new DocumentRepository(m),
    commandResults: new CommandResultRepository(m),
    terminations: new TerminationRepository(m),
    partyAmendments: new CasePartyAmendmentRepository(m),
    governmentDecisions: new GovernmentDecisionRepository(m),
    projects: new CaseProjectRepository(m),
    calls: new CallRepository(m),
    portfolio: new PortfolioRepository(m),
  };
}
export { auditStreamConnectionOf, type AuditStreamConnection, type StreamRange } from './audit-stream.sql';

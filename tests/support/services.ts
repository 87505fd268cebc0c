import { AuditService } from '@cluster/audit';
import { ApprovalsService } from '@cluster/approvals';
import {
  AdviceService,
  AgreementService,
  AssessmentService,
  CallDeadlineService,
  CallService,
  CaseCommandsService,
  DecisionService,
  DialogueService,
  SelectionOutcomeService,
  SelectionService,
  TerminationService,
  TrajectoryService,
} from '@cluster/cases';
import { loadConfig } from '@cluster/config';
import { EmailDispatcher, NotificationsService } from '@cluster/notifications';
import type { Database } from '@cluster/persistence';
import { RemindersService } from '@cluster/reminders';
import { BudgetService } from '@cluster/budget';

/** The business services over one database, wired as the worker wires them (no Nest needed). */
export function createServices(db: Database, env: Record<string, string> = {}) {
  const config = loadConfig({ DATABASE_URL: 'postgres://unused@localhost/unused', AUTH_JWT_SECRET: 'x'.repeat(32), ...env });
  const audit = new AuditService(db);
  const notifications = new NotificationsService(db, config);
  const approvals = new ApprovalsService(audit);
  const budget = new BudgetService(db, audit, approvals);
  const dialogue = new DialogueService(db, audit, budget, notifications, approvals);
  return {
    config,
    audit,
    notifications,
    dispatcher: new EmailDispatcher(db, config),
    commands: new CaseCommandsService(db, audit),
    assessment: new AssessmentService(db, audit),
    advice: new AdviceService(db, audit, notifications),
    decisions: new DecisionService(db, audit, approvals),
    budget,
    agreements: new AgreementService(db, audit, budget, notifications),
    dialogue,
    terminations: new TerminationService(db, audit, approvals, dialogue),
    trajectory: new TrajectoryService(db, audit, notifications),
    reminders: new RemindersService(db, audit, notifications),
    selectionOutcomes: new SelectionOutcomeService(db, audit, dialogue, notifications),
    calls: new CallService(db, audit),
    selections: new SelectionService(db, audit, approvals),
    deadlines: new CallDeadlineService(db, audit, notifications),
    heads: db,
  };
}

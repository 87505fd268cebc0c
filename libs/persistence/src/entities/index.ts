import { AuditEventEntity } from './audit-event.entity';
import { CaseTaskEntity } from './case-task.entity';
import { CaseEntity } from './case.entity';
import { PolicyProposalEntity, PolicyVersionEntity } from './policy-version.entity';
import { RoadmapVersionEntity } from './roadmap-version.entity';
import { UserCaseEntity, UserEntity } from './user.entity';
import { AdviceRequestEntity } from './advice-request.entity';
import { AssessmentConclusionEntity, AssessmentEntity, AssessorAssignmentEntity } from './assessment.entities';
import { ApprovalEntity, DecisionEntity } from './decision.entities';
import { DocumentEntity } from './document.entity';
import { NotificationEntity } from './notification.entity';
import { BudgetLineEntity, BudgetMovementEntity, BudgetReleaseEntity } from './budget.entities';
import { TrajectoryEvaluationEntity, TrajectoryMilestoneEntity } from './trajectory.entities';
import { AgreementSignatureEntity, AgreementVersionEntity } from './agreement.entities';
import { CaseClosureEntity, DialogueCycleEntity } from './dialogue.entities';
import { CaseTerminationEntity } from './termination.entity';
import { CasePartyAmendmentEntity } from './case-party-amendment.entity';
import { GovernmentDecisionEntity } from './government-decision.entity';
import { CaseProjectEntity } from './case-project.entity';
import { CallEntity } from './call.entity';
import { CallSelectionEntity } from './call-selection.entity';

export { AuditEventEntity, CaseTaskEntity, CaseEntity, PolicyProposalEntity, PolicyVersionEntity, RoadmapVersionEntity, UserCaseEntity, UserEntity };
export { AdviceRequestEntity, AssessmentConclusionEntity, AssessmentEntity, AssessorAssignmentEntity, ApprovalEntity, DecisionEntity };
export type { AssignmentStatus } from './assessment.entities';
export type { ApprovalStatus, ApprovalSubject } from './decision.entities';
export type { PolicyProposalStatus } from './policy-version.entity';
export { NotificationEntity };
export { BudgetLineEntity, BudgetMovementEntity, BudgetReleaseEntity };
export { TrajectoryEvaluationEntity, TrajectoryMilestoneEntity };
export { AgreementSignatureEntity, AgreementVersionEntity };
export { CaseClosureEntity, DialogueCycleEntity };
export { CaseTerminationEntity };
export type { TerminationStatus } from './termination.entity';
export type { MovementKind, ReleaseStatus } from './budget.entities';
export type { EmailStatus } from './notification.entity';
export type { CaseTaskStatus } from './case-task.entity';
export { DocumentEntity };
export { CasePartyAmendmentEntity, GovernmentDecisionEntity, CaseProjectEntity, CallEntity, CallSelectionEntity };
export { DOCUMENT_OWNER_TYPES, type DocumentOwnerType } from './document.entity';

export const ENTITIES = [
  CallEntity,
  CallSelectionEntity,
  AuditEventEntity,
  CaseTaskEntity,
  CaseEntity,
  PolicyVersionEntity,
  PolicyProposalEntity,
  RoadmapVersionEntity,
  UserEntity,
  UserCaseEntity,
  AdviceRequestEntity,
  AssessmentConclusionEntity,
  AssessmentEntity,
  AssessorAssignmentEntity,
  ApprovalEntity,
  DecisionEntity,
  NotificationEntity,
  BudgetLineEntity,
  BudgetMovementEntity,
  BudgetReleaseEntity,
  DocumentEntity,
  TrajectoryEvaluationEntity,
  TrajectoryMilestoneEntity,
  AgreementSignatureEntity,
  AgreementVersionEntity,
  CaseClosureEntity,
  DialogueCycleEntity,
  CaseTerminationEntity,
  CasePartyAmendmentEntity,
  GovernmentDecisionEntity,
  CaseProjectEntity,
];

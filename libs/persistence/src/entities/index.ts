import { AuditEventEntity } from './audit-event.entity';
import { CaseTaskEntity } from './case-task.entity';
import { CaseEntity } from './case.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { RoadmapVersionEntity } from './roadmap-version.entity';
import { UserEntity } from './user.entity';

export { AuditEventEntity, CaseTaskEntity, CaseEntity, PolicyVersionEntity, RoadmapVersionEntity, UserEntity };
export type { CaseTaskStatus } from './case-task.entity';

export const ENTITIES = [
  AuditEventEntity,
  CaseTaskEntity,
  CaseEntity,
  PolicyVersionEntity,
  RoadmapVersionEntity,
  UserEntity,
];

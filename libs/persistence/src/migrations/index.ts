import { Foundation1764230400000 } from './1764230400000-foundation';
import { FirstHalf1764316800000 } from './1764316800000-first-half';
import { Documents1764403200000 } from './1764403200000-documents';
import { Notifications1764489600000 } from './1764489600000-notifications';
import { Budget1764576000000 } from './1764576000000-budget';
import { Trajectory1764662400000 } from './1764662400000-trajectory';
import { Agreement1764748800000 } from './1764748800000-agreement';
import { Dialogue1764835200000 } from './1764835200000-dialogue';
import { AuditSearch1764921600000 } from './1764921600000-audit-search';
import { CommandResults1765008000000 } from './1765008000000-command-results';
import { People1765094400000 } from './1765094400000-people';
import { PolicyFourEyes1765180800000 } from './1765180800000-policy-four-eyes';
import { FourEyesTerminations1765267200000 } from './1765267200000-four-eyes-terminations';
import { CasePartyAmendments1765440000000 } from './1765440000000-case-party-amendments';
import { StandIn1765526400000 } from './1765526400000-stand-in';
import { ProcessDocuments1765612800000 } from './1765612800000-process-documents';
import { ApprovalTasks1765699200000 } from './1765699200000-approval-tasks';
import { Projects1765785600000 } from './1765785600000-projects';
import { Calls1765872000000 } from './1765872000000-calls';
import { Selection1765958400000 } from './1765958400000-selection';
import { CommandAuditHeads1766217600000 } from './1766217600000-command-audit-heads';
import { ReadIndexes1766304000000 } from './1766304000000-read-indexes';

/** Every migration, in order. Schema changes happen only here (never `synchronize`). */
export const MIGRATIONS = [Foundation1764230400000, FirstHalf1764316800000, Documents1764403200000, Notifications1764489600000, Budget1764576000000, Trajectory1764662400000, Agreement1764748800000, Dialogue1764835200000, AuditSearch1764921600000, CommandResults1765008000000, People1765094400000, PolicyFourEyes1765180800000, FourEyesTerminations1765267200000, CasePartyAmendments1765440000000, StandIn1765526400000, ProcessDocuments1765612800000, ApprovalTasks1765699200000, Projects1765785600000, Calls1765872000000, Selection1765958400000, CommandAuditHeads1766217600000, ReadIndexes1766304000000];

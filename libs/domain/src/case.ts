import type { EuropeanLink } from './european';
import type { CaseStage } from './stages';

/** What a case handler gives to open a case for a spearhead cluster. */
export interface NewCaseDetails {
  clusterName: string;
  /** Domain of value creation, e.g. "sustainable chemistry". */
  domain: string;
  leadActors: string[];
  partners: string[];
  accountManagerId: string;
}

export interface RoadmapMilestone {
  title: string;
  dueDate: string;
}

export interface RoadmapCommitment {
  actor: string;
  commitment: string;
}

/** The content of one roadmap draft (DOMAIN.md step 1): today → roadmap → vision 20xx. */
export interface RoadmapContent {
  /** Today ("vandaag"): where the cluster stands now; absent in drafts saved before issue 14. */
  baseline?: string;
  vision: string;
  horizonYear: number;
  objectives: string[];
  milestones: RoadmapMilestone[];
  commitments: RoadmapCommitment[];
  projectPortfolio: string[];
  /**
   * Other international roadmaps, as free text: those outside the reference data's European
   * partnerships (drafts from before issue 14 hold all their links here, and stay readable).
   */
  internationalRoadmapLinks: string[];
  /** Structured links to the European partnerships of the case's policy version (issue 14). */
  europeanLinks?: EuropeanLink[];
  societalChallenges: string[];
}

/** Something waiting on someone for a case (drives the inbox and due dates). */
export interface PendingTask {
  id: string;
  kind: string;
  assigneeRole: string;
  assigneeRef: string | null;
  dueAt: string | null;
  createdAt: string;
}

export interface CaseView extends NewCaseDetails {
  id: string;
  workflowId: string;
  stage: CaseStage;
  policyVersion: number;
  /** The colleague named to conclude and propose in the account manager's stead, if any. */
  standInId: string | null;
  /** The call for spearhead clusters it registered to, or null outside any call. */
  callId: string | null;
  createdAt: string;
  updatedAt: string;
  latestRoadmapVersion: number | null;
  pilot: boolean;
  pendingTasks: PendingTask[];
}

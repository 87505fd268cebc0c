import type { CaseStage, DialogueOutcome, PortfolioFilter, StageCount, Words } from '@cluster/domain';
import type { BudgetFigures, CouncilTurnaroundRow, EnvelopeFigures, InstrumentFigures } from '@cluster/persistence';

/** One group of the funnel: the cases of one call (null: outside any call) created in one year. */
export interface FunnelGroup {
  callId: string | null;
  callTitle: string | null;
  year: number;
  total: number;
  stages: StageCount[];
}

export interface PortfolioFunnel {
  /** Every stage in process order (CASE_STAGES), zeros included, over all groups. */
  stages: StageCount[];
  total: number;
  groups: FunnelGroup[];
}

export interface OverdueItem {
  taskId: string;
  caseId: string;
  caseName: string;
  kind: string;
  /** What is due, in words. */
  what: Words;
  dueAt: string;
  daysOverdue: number;
}

export interface PortfolioOverdue {
  total: number;
  limit: number;
  offset: number;
  items: OverdueItem[];
}

export interface PortfolioBudget {
  instruments: InstrumentFigures[];
  /** Over every instrument. */
  total: BudgetFigures;
  envelopes: EnvelopeFigures[];
}

export interface ClusterDialogue {
  caseId: string;
  clusterName: string;
  cycles: { cycle: number; outcome: DialogueOutcome; recordedAt: string }[];
}

export interface PortfolioDialogue {
  clusters: ClusterDialogue[];
  /** Per cycle number: how many clusters had each outcome. */
  perCycle: { cycle: number; on_track: number; attention: number; off_track: number }[];
}

export interface ClusterLeverage {
  caseId: string;
  clusterName: string;
  partnerCommitmentsCents: number;
  earmarkedCents: number;
  /** partners ÷ earmarked, two decimals; null when nothing is earmarked. */
  ratio: number | null;
}

export interface PortfolioLeverage {
  /** How the partners' money was found (libs/domain/src/portfolio.ts, "Leverage"). */
  basis: Words;
  clusters: ClusterLeverage[];
  partnerCommitmentsCents: number;
  earmarkedCents: number;
  ratio: number | null;
}

export interface PortfolioOverview {
  filter: { callId: string | null; year: number | null; stage: CaseStage | null };
  asOf: string;
  /** Choices for the filters: every call and every year with cases. */
  choices: { calls: { id: string; title: string }[]; years: number[] };
  funnel: PortfolioFunnel;
  overdue: PortfolioOverdue;
  councils: CouncilTurnaroundRow[];
  budget: PortfolioBudget;
  dialogue: PortfolioDialogue;
  leverage: PortfolioLeverage;
}

export type { PortfolioFilter };

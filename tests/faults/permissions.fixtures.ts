import type { CaseMilestone } from '../support/case-stages';
import type { PermissionRule } from './permissions.table';

/**
 * What an allowed command needs so that it can succeed. A command that can succeed only once on
 * its object (a submission, a declaration, a conclusion, advice, a proposal while one is pending,
 * a plan, a milestone's evidence, a step that moves the case on, a cycle's report) gets a case of
 * its own for every allowed actor, driven to the milestone where the command is the next step.
 * Every other allowed command (drafts, attachments, assessor assignments, agreement versions,
 * signatures of different parties, release requests) runs on the world's shared case of its
 * scene, where it can succeed again.
 */
export interface Fixture {
  /** A fresh case per allowed (actor, own/other) cell, driven to this milestone. */
  fresh?: CaseMilestone;
  /** A step that must come first, by whoever's step it is (e.g. the declaration before an assessment). */
  prepare?: 'declare-no-conflict' | 'report-cycle';
  /** Moves everything the user manages: runs after every other cell, so it disturbs none. */
  last?: boolean;
}

export const FIXTURES: Partial<Record<string, Fixture>> = {
  'POST /api/handovers': { last: true },
  'POST /api/cases/{id}/roadmap/submit': { fresh: 'drafting' },
  'POST /api/cases/{id}/assessment/conflict-declaration': { fresh: 'assessors_assigned' },
  'POST /api/cases/{id}/assessments': { fresh: 'assessors_assigned', prepare: 'declare-no-conflict' },
  'POST /api/cases/{id}/assessment/conclusion': { fresh: 'assessed' },
  // Advice is final and closes the request to attachments: the attachment cell keeps the shared request.
  'POST /api/advice-requests/{id}/advice': { fresh: 'advice' },
  'POST /api/cases/{id}/decision/proposals': { fresh: 'advised' },
  'POST /api/approvals/{id}/decision': { fresh: 'decision' },
  'POST /api/cases/{id}/trajectory': { fresh: 'decided' },
  // One record per approved decision (a second is a correction).
  'POST /api/cases/{id}/government-decisions': { fresh: 'decided' },
  'POST /api/cases/{id}/trajectory/milestones/{milestoneId}/evidence': { fresh: 'test_trajectory' },
  'POST /api/cases/{id}/trajectory/evaluation': { fresh: 'test_trajectory' },
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/report': { fresh: 'structured_dialogue' },
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/outcome': { fresh: 'structured_dialogue', prepare: 'report-cycle' },
  'POST /api/cases/{id}/closure': { fresh: 'structured_dialogue' },
  // One proposal to end a case at a time: each allowed cell withdraws a case of its own.
  'POST /api/cases/{id}/withdrawal': { fresh: 'drafting' },
  // A case registers to a call once (again is answered without a new event).
  'POST /api/cases/{id}/call': { fresh: 'drafting' },
};

export const fixtureOf = (rule: PermissionRule): Fixture => FIXTURES[rule.endpoint] ?? {};

/** The key of one cell, e.g. "POST /api/cases/{id}/closure handler own". */
export const cellKey = (endpoint: string, actor: string, relation: string) => `${endpoint} ${actor} ${relation}`;

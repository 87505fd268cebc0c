/**
 * Every query key of the web app, in one place, so that an action can invalidate exactly what it
 * changed. Everything read about one case sits under `queryKeys.case(id)`: an action on the case
 * invalidates that prefix and every section of the case page reads again.
 */
export const queryKeys = {
  /** Prefix of everything read about any case. */
  cases: () => ['case'] as const,
  /** Prefix of everything read about one case. */
  case: (id: string) => ['case', id] as const,
  caseView: (id: string) => ['case', id, 'view'] as const,
  /** Asked again whenever the case itself changes (its updatedAt). */
  casePermissions: (id: string, updatedAt: string) => ['case', id, 'permissions', updatedAt] as const,
  caseDecisions: (id: string) => ['case', id, 'decisions'] as const,
  caseDocuments: (id: string) => ['case', id, 'documents'] as const,
  caseRoadmapVersions: (id: string) => ['case', id, 'roadmap-versions'] as const,
  caseAssessments: (id: string) => ['case', id, 'assessments'] as const,
  caseAdviceRequests: (id: string) => ['case', id, 'advice-requests'] as const,
  caseAsOf: (id: string, at: string) => ['case', id, 'as-of', at] as const,
  caseGovernmentDecisions: (id: string) => ['case', id, 'government-decisions'] as const,
  caseTrajectory: (id: string) => ['case', id, 'trajectory'] as const,
  caseAgreement: (id: string) => ['case', id, 'agreement'] as const,
  caseDialogue: (id: string) => ['case', id, 'dialogue'] as const,
  caseBudget: (id: string) => ['case', id, 'budget'] as const,
  caseTerminations: (id: string) => ['case', id, 'terminations'] as const,
  casePartyAmendments: (id: string) => ['case', id, 'party-amendments'] as const,
  caseAudit: (id: string, page: number) => ['case', id, 'audit', page] as const,
  caseProjects: (id: string, query: Record<string, unknown>) => ['case', id, 'projects', query] as const,
  caseProjectCoverage: (id: string) => ['case', id, 'project-coverage'] as const,

  /** Prefix of every page of the case list. */
  caseLists: () => ['case-list'] as const,
  caseList: (query: Record<string, unknown>) => ['case-list', query] as const,

  /** Prefix of everything read about calls for spearhead clusters: their lists and each call. */
  calls: () => ['calls'] as const,
  callList: (query: Record<string, unknown>) => ['calls', 'list', query] as const,
  call: (id: string) => ['calls', id] as const,
  /** The call's candidates side by side and its proposed selections (under the call, so a change to the call reads them again). */
  callCandidates: (id: string) => ['calls', id, 'candidates'] as const,
  callSelections: (id: string) => ['calls', id, 'selection'] as const,

  /** The people the signed-in user may list (GET /api/users). */
  users: () => ['users'] as const,
  /** Prefix of what the administrators' users screen reads. */
  userAccounts: () => ['user-accounts'] as const,
  userAccountList: (query: Record<string, unknown>) => ['user-accounts', 'list', query] as const,
  userOpenWork: (id: string) => ['user-accounts', id, 'open-work'] as const,

  /** What waits on the signed-in user (the inbox). */
  tasks: () => ['tasks'] as const,

  /** Prefix of the approvals lists. */
  approvals: () => ['approvals'] as const,
  approvalList: (query: Record<string, unknown>) => ['approvals', query] as const,

  /** Prefix of what the councils read: their requests, one request and its documents. */
  adviceRequests: () => ['advice-requests'] as const,
  adviceRequestList: (query: Record<string, unknown>) => ['advice-requests', 'list', query] as const,
  adviceRequest: (id: string) => ['advice-requests', id, 'detail'] as const,
  adviceRequestDocuments: (id: string) => ['advice-requests', id, 'documents'] as const,

  /** The auditor's reads: a page of a trail (of one case or across cases), the signing key, case names. */
  auditPage: (query: string, offset: number) => ['audit', 'page', query, offset] as const,
  auditSigningKey: () => ['audit', 'signing-key'] as const,
  caseNames: () => ['case-list', 'names'] as const,

  /** The European alignment across the portfolio (issue 14). */
  europeanCoverage: () => ['portfolio', 'european-coverage'] as const,

  /** Prefix of the reference data (policy versions and proposals) the administrators change. */
  policy: () => ['policy'] as const,
  policyVersions: () => ['policy', 'versions'] as const,
  policyLatest: () => ['policy', 'latest'] as const,
  policyProposals: () => ['policy', 'proposals'] as const,
  policyProposal: (id: string) => ['policy', 'proposals', id] as const,

  /** The portfolio overview across cases, per filter and page of overdue items. */
  portfolio: (query: Record<string, unknown>) => ['portfolio', query] as const,

  /** A published policy version never changes; the newest one does. */
  policyVersion: (version: number) => ['policy-version', version] as const,
} as const;

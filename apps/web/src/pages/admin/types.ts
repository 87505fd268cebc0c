import type { components } from '../../api/schema';

export type PolicySummary = components['schemas']['PolicyVersionSummaryDto'];
export type PolicyVersion = components['schemas']['PolicyVersionDto'];
export type PolicyDocument = components['schemas']['PolicyDocumentDto'];
export type Localized = components['schemas']['LocalizedTextDto'];
export type PolicyProposalSummary = components['schemas']['PolicyProposalSummaryDto'];
export type PolicyProposal = components['schemas']['PolicyProposalDto'];

import type { FieldError } from './errors';
import type { PolicyDocument } from './policy';

export const PARTY_KINDS = ['government', 'cluster_organisation', 'lead_actor', 'strategic_partner'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export interface PartyCommitment {
  kind: 'financial' | 'in_kind';
  description: string;
  /** Financial commitments in integer cents. */
  amountCents?: number;
}

export interface AgreementParty {
  partyId: string;
  kind: PartyKind;
  name: string;
  /** The authorised representative who signs for the party. */
  representativeUserId: string;
  commitments: PartyCommitment[];
}

/** The content of one partnership agreement version; its SHA-256 is what every party signs. */
export interface AgreementContent {
  parties: AgreementParty[];
  earmarks: { instrumentCode: string; amountCents: number }[];
  termYears: number;
  dialogueCadenceMonths: number;
  text: string;
}

/** The government and the cluster organisation are always parties; instruments come from policy. */
export function agreementProblems(policy: PolicyDocument, a: AgreementContent): FieldError[] {
  const problems: FieldError[] = [];
  const kinds = a.parties.map((p) => p.kind);
  for (const needed of ['government', 'cluster_organisation'] as const) {
    if (!kinds.includes(needed)) problems.push({ field: 'parties', messages: [`parties must include the ${needed.replace('_', ' ')}`] });
  }
  const ids = a.parties.map((p) => p.partyId);
  if (new Set(ids).size !== ids.length) problems.push({ field: 'parties', messages: ['partyId must be unique'] });
  const instruments = policy.instruments.map((i) => i.code);
  a.earmarks.forEach((e, i) => {
    if (!instruments.includes(e.instrumentCode)) problems.push({ field: `earmarks.${i}.instrumentCode`, messages: [`instrumentCode must be one of ${instruments.join(', ')}`] });
  });
  const codes = a.earmarks.map((e) => e.instrumentCode);
  if (new Set(codes).size !== codes.length) problems.push({ field: 'earmarks', messages: ['one earmark per instrument'] });
  a.parties.forEach((p, i) =>
    p.commitments.forEach((c, j) => {
      if (c.kind === 'financial' && c.amountCents === undefined) {
        problems.push({ field: `parties.${i}.commitments.${j}.amountCents`, messages: ['a financial commitment states its amount'] });
      }
    }),
  );
  return problems;
}

import { canReadCase, type CaseAccessFacts, type Principal } from './access';
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

/** The parties every agreement has, as the Dutch sentence names them. */
const PARTY_NL = { government: 'de Vlaamse overheid', cluster_organisation: 'de clusterorganisatie' } as const;

/** The government and the cluster organisation are always parties; instruments come from policy. */
export function agreementProblems(policy: PolicyDocument, a: AgreementContent): FieldError[] {
  const problems: FieldError[] = [];
  const kinds = a.parties.map((p) => p.kind);
  for (const needed of ['government', 'cluster_organisation'] as const) {
    if (!kinds.includes(needed)) problems.push({ field: 'parties', messages: [`Voeg ${PARTY_NL[needed]} toe als partij. / parties must include the ${needed.replace('_', ' ')}`] });
  }
  const ids = a.parties.map((p) => p.partyId);
  if (new Set(ids).size !== ids.length) problems.push({ field: 'parties', messages: ['Elke partij heeft een eigen partyId. / partyId must be unique'] });
  const instruments = policy.instruments.map((i) => i.code);
  a.earmarks.forEach((e, i) => {
    if (!instruments.includes(e.instrumentCode)) problems.push({ field: `earmarks.${i}.instrumentCode`, messages: [`Kies een instrument uit ${instruments.join(', ')}. / instrumentCode must be one of ${instruments.join(', ')}`] });
  });
  const codes = a.earmarks.map((e) => e.instrumentCode);
  if (new Set(codes).size !== codes.length) problems.push({ field: 'earmarks', messages: ['Geef per instrument één geoormerkt budget. / one earmark per instrument'] });
  a.parties.forEach((p, i) =>
    p.commitments.forEach((c, j) => {
      if (c.kind === 'financial' && c.amountCents === undefined) {
        problems.push({ field: `parties.${i}.commitments.${j}.amountCents`, messages: ['Een financieel engagement vermeldt het bedrag. / a financial commitment states its amount'] });
      }
    }),
  );
  return problems;
}

/** What the signer checks need to know of a party's representative: who they are now (null: no such user). */
export type SignerFacts = (Principal & { active: boolean }) | null;

/**
 * Who may sign for whom, checked when a version is drafted (DOMAIN.md, rules decided in turn 2):
 * every party has its own signer, an active user who can read the case; the government signs
 * through someone who holds the approver role; the account manager, who drafts the agreement on
 * the government's side, signs for no other party. Each problem names the party, Dutch first.
 */
export function signerProblems(parties: AgreementParty[], signers: ReadonlyMap<string, SignerFacts>, c: CaseAccessFacts): FieldError[] {
  const problems: FieldError[] = [];
  parties.forEach((p, i) => {
    const messages: string[] = [];
    const say = (nl: string, en: string) => messages.push(`${p.name}: ${nl} / ${p.name}: ${en}`);
    const signer = signers.get(p.representativeUserId) ?? null;
    const earlier = parties.findIndex((q) => q.representativeUserId === p.representativeUserId);
    if (!signer || !signer.active) {
      say('de vertegenwoordiger moet een actieve gebruiker zijn.', 'the representative must be an active user.');
    } else {
      if (!canReadCase(signer, c)) say(`${signer.displayName} kan dit dossier niet lezen en kan dus niet tekenen.`, `${signer.displayName} cannot read this case and so cannot sign.`);
      if (p.kind === 'government' && !signer.roles.includes('approver')) {
        say(`de overheid tekent via iemand met de rol goedkeurder; ${signer.displayName} heeft die rol niet.`, `the government signs through someone with the approver role; ${signer.displayName} does not hold it.`);
      }
      if (p.kind !== 'government' && p.representativeUserId === c.accountManagerId) {
        say('de accountmanager tekent niet voor de cluster of een partner.', 'the account manager does not sign for the cluster or a partner.');
      }
    }
    if (earlier !== i) {
      say(`dezelfde persoon tekent al voor ${parties[earlier]!.name}; elke partij heeft een eigen ondertekenaar.`, `the same person already signs for ${parties[earlier]!.name}; every party has a signer of its own.`);
    }
    if (messages.length) problems.push({ field: `parties.${i}.representativeUserId`, messages });
  });
  return problems;
}

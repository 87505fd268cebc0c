import type { components } from '../../../../api/schema';
import { eurosToCents } from '../form/money';
import { row, type Row } from '../form/rows';
import type { CaseView } from '../who';
import type { AgreementFacts } from './useAgreement';

type AgreementBody = components['schemas']['AgreementDto'];
export type PartyKind = components['schemas']['PartyDto']['kind'];
export const PARTY_KINDS: PartyKind[] = ['government', 'cluster_organisation', 'lead_actor', 'strategic_partner'];

export type CommitmentKind = components['schemas']['PartyCommitmentDto']['kind'];
export const COMMITMENT_KINDS: CommitmentKind[] = ['financial', 'in_kind'];

/** One commitment of a party: money (with its amount in euros as typed) or in kind. */
export interface CommitmentRow {
  kind: CommitmentKind;
  description: string;
  euros: string;
}
export interface PartyRow {
  kind: PartyKind;
  name: string;
  representativeUserId: string;
  commitments: Row<CommitmentRow>[];
}
export interface EarmarkRow {
  instrumentCode: string;
  euros: string;
}
export interface AgreementDraftState {
  parties: Row<PartyRow>[];
  earmarks: Row<EarmarkRow>[];
  termYears: string;
  dialogueCadenceMonths: string;
  text: string;
}

/** A party's id from its name: lowercase letters, digits and dashes, as the API asks. */
export function partyIdOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** A first draft (the government and the cluster organisation), or the latest version to amend. */
export function initialDraft(view: CaseView, cadence: number, latest: AgreementFacts | null): AgreementDraftState {
  if (latest) {
    return {
      parties: latest.parties.map((p) =>
        row({
          kind: p.kind,
          name: p.name,
          representativeUserId: p.representativeUserId,
          commitments: p.commitments.map((c) => row({ kind: c.kind, description: c.description, euros: c.amountCents === null ? '' : euros(c.amountCents) })),
        }),
      ),
      earmarks: latest.earmarks.map((e) => row({ instrumentCode: e.instrumentCode, euros: euros(e.amountCents) })),
      termYears: latest.termYears === null ? '' : String(latest.termYears),
      dialogueCadenceMonths: latest.dialogueCadenceMonths === null ? String(cadence) : String(latest.dialogueCadenceMonths),
      text: latest.text,
    };
  }
  return {
    parties: [
      row({ kind: 'government', name: 'Vlaamse Regering', representativeUserId: '', commitments: [] }),
      row({ kind: 'cluster_organisation', name: view.leadActors[0] ?? view.clusterName, representativeUserId: '', commitments: [] }),
    ],
    earmarks: [],
    termYears: '4',
    dialogueCadenceMonths: String(cadence),
    text: '',
  };
}

/** A whole number as typed, or NaN (null in JSON) so that the API names the field. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

/**
 * A commitment as the API takes it: a financial one with its amount in cents (an amount that is
 * not one goes as null, so the API names the field), one in kind without an amount.
 */
function commitmentBody(c: CommitmentRow): AgreementBody['parties'][number]['commitments'][number] {
  if (c.kind === 'in_kind') return { kind: c.kind, description: c.description };
  return { kind: c.kind, description: c.description, amountCents: eurosToCents(c.euros) };
}

export function agreementBody(s: AgreementDraftState): AgreementBody {
  return {
    parties: s.parties.map((p) => ({ partyId: partyIdOf(p.name), kind: p.kind, name: p.name, representativeUserId: p.representativeUserId, commitments: p.commitments.map(commitmentBody) })),
    earmarks: s.earmarks.map((e) => ({ instrumentCode: e.instrumentCode, amountCents: eurosToCents(e.euros) })),
    termYears: whole(s.termYears),
    dialogueCadenceMonths: whole(s.dialogueCadenceMonths),
    text: s.text,
  };
}

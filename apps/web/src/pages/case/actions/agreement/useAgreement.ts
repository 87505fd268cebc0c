import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { list, num, str } from '../form/records';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

type Version = components['schemas']['AgreementVersionDto'];
type PartyKind = components['schemas']['PartyDto']['kind'];

type CommitmentKind = components['schemas']['PartyCommitmentDto']['kind'];

/** A party of an agreement version, as the forms need it. */
export interface AgreementParty {
  partyId: string;
  kind: PartyKind;
  name: string;
  representativeUserId: string;
  commitments: { kind: CommitmentKind; description: string; amountCents: number | null }[];
}

/** What the forms read of a version's content (given as a free object by the API). */
export interface AgreementFacts {
  parties: AgreementParty[];
  earmarks: { instrumentCode: string; amountCents: number }[];
  termYears: number | null;
  dialogueCadenceMonths: number | null;
  text: string;
  /** Parties that signed this version (signatures not voided). */
  signedPartyIds: string[];
}

const KINDS: PartyKind[] = ['government', 'cluster_organisation', 'lead_actor', 'strategic_partner'];

export function factsOf(v: Version): AgreementFacts {
  const c = v.content;
  return {
    parties: list(c.parties).flatMap((p) => {
      const partyId = str(p, 'partyId');
      const kind = str(p, 'kind') as PartyKind | null;
      const commitments = list(p.commitments).flatMap((cm) => {
        const kind = str(cm, 'kind');
        return kind === 'financial' || kind === 'in_kind' ? [{ kind: kind as CommitmentKind, description: str(cm, 'description') ?? '', amountCents: num(cm, 'amountCents') }] : [];
      });
      return partyId && kind && KINDS.includes(kind) ? [{ partyId, kind, name: str(p, 'name') ?? partyId, representativeUserId: str(p, 'representativeUserId') ?? '', commitments }] : [];
    }),
    earmarks: list(c.earmarks).flatMap((e) => {
      const instrumentCode = str(e, 'instrumentCode');
      const amountCents = num(e, 'amountCents');
      return instrumentCode && amountCents !== null ? [{ instrumentCode, amountCents }] : [];
    }),
    termYears: num(c, 'termYears'),
    dialogueCadenceMonths: num(c, 'dialogueCadenceMonths'),
    text: str(c, 'text') ?? '',
    signedPartyIds: list(v.signatures).flatMap((s) => (str(s, 'voidedAt') === null && str(s, 'partyId') ? [str(s, 'partyId')!] : [])),
  };
}

/** The case's agreement versions; `latest` is the newest, `signing` the one being signed (if any). */
export function useAgreement(caseId: string) {
  const { data, error, pending: loading } = useApiQuery(queryKeys.caseAgreement(caseId), () => api.GET('/api/cases/{id}/agreement', { params: { path: { id: caseId } } }));
  const versions = data ?? [];
  const latest = versions.reduce<Version | null>((a, v) => (!a || v.version > a.version ? v : a), null);
  const signing = versions.find((v) => v.status === 'signing') ?? null;
  return { latest, signing, error, loading };
}

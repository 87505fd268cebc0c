import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';

type LocalizedText = components['schemas']['LocalizedTextDto'];
export type PolicyDocument = components['schemas']['PolicyDocumentDto'];
/** The reference data the forms need (criteria, gate questions, scale, councils, instruments). */
export type Policy = PolicyDocument;

/**
 * The one read of a policy version, for the case page and its forms alike. A published version never
 * changes, so it is read once per visit.
 */
function usePolicyDocument(version: number | null) {
  return useApiQuery(queryKeys.policyVersion(version ?? -1), () => api.GET('/api/policy-versions/{version}', { params: { path: { version: version ?? -1 } } }), {
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/** The case's own policy version: the names of criteria, gate questions, councils and instruments. */
export function usePolicyVersion(version: number | null) {
  return usePolicyDocument(version).data?.content ?? null;
}

/** The policy version for a form: the reference data, the API's error, and whether it is still on its way. */
export function usePolicy(version: number) {
  const policy = usePolicyDocument(version);
  return { policy: policy.data?.content ?? null, error: policy.error, loading: policy.pending };
}

/** Reference-data texts in the interface language (the fallback when there is none). */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (value: LocalizedText | undefined, fallback = ''): string => (value ? (i18n.language === 'en' ? value.en : value.nl) : fallback);
}

/** Name lookups by code; the code itself when the policy is not (yet) loaded. */
export function usePolicyNames(version: number | null) {
  const policy = usePolicyVersion(version);
  const localized = useLocalized();
  const find = (items: { code: string; name?: LocalizedText; text?: LocalizedText }[] | undefined, code: string) => {
    const item = items?.find((i) => i.code === code);
    return localized(item?.name ?? item?.text, code);
  };
  return {
    policy,
    council: (code: string) => find(policy?.councils, code),
    instrument: (code: string) => find(policy?.instruments, code),
    criterion: (code: string) => find(policy?.criteria, code),
    gateQuestion: (code: string) => find(policy?.gateQuestions, code),
  };
}

export type PolicyNames = ReturnType<typeof usePolicyNames>;

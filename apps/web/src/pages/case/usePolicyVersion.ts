import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useLoad } from './useLoad';

type LocalizedText = components['schemas']['LocalizedTextDto'];
export type PolicyDocument = components['schemas']['PolicyDocumentDto'];

/** The case's own policy version: the names of criteria, gate questions, councils and instruments. */
export function usePolicyVersion(version: number | null) {
  const policy = useLoad(() => (version === null ? null : api.GET('/api/policy-versions/{version}', { params: { path: { version } } })), [version]);
  return policy.data?.content ?? null;
}

/** Reference-data texts in the interface language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (value: LocalizedText | undefined, fallback: string): string => (value ? (i18n.language === 'en' ? value.en : value.nl) : fallback);
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

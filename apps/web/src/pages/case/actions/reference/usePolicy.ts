import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { useLoad } from '../form/useLoad';

export type Policy = components['schemas']['PolicyDocumentDto'];
type LocalizedText = components['schemas']['LocalizedTextDto'];

/** The reference data of the case's own policy version (criteria, gate questions, scale, councils). */
export function usePolicy(version: number) {
  const load = useCallback(() => api.GET('/api/policy-versions/{version}', { params: { path: { version } } }), [version]);
  const { data, error, loading } = useLoad(load);
  return { policy: data?.content ?? null, error, loading };
}

/** A reference-data text in the interface language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (text: LocalizedText) => (i18n.language === 'en' ? text.en : text.nl);
}

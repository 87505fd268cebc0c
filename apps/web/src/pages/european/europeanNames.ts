import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

type PolicyDocument = components['schemas']['PolicyDocumentDto'];
type Localized = components['schemas']['LocalizedTextDto'];
export type Partnership = components['schemas']['EuropeanPartnershipDto'];
export type LinkNature = components['schemas']['LinkNatureDto'];
export type HandbookSection = components['schemas']['HandbookGuidanceDto']['section'];

/** The European reference data and the handbook of one policy version, in the interface language. */
export interface EuropeanNames {
  partnerships: Partnership[];
  natures: LinkNature[];
  partnership: (code: string) => string;
  nature: (code: string) => string;
  /** The handbook's guidance for a section, or null when the version has none. */
  guidance: (section: HandbookSection) => string | null;
  baselineRequired: boolean;
}

export function useEuropeanNames(policy: PolicyDocument | null | undefined): EuropeanNames {
  const { t, i18n } = useTranslation();
  const say = (text: Localized) => (i18n.language.startsWith('en') ? text.en : text.nl);
  const partnerships = policy?.europeanPartnerships ?? [];
  const natures = policy?.linkNatures ?? [];
  return {
    partnerships,
    natures,
    partnership: (code) => {
      const p = partnerships.find((x) => x.code === code);
      return p ? say(p.name) : t('european.editor.links.unknown', { code });
    },
    nature: (code) => {
      const n = natures.find((x) => x.code === code);
      return n ? say(n.name) : code;
    },
    guidance: (section) => {
      const g = policy?.roadmapHandbook?.find((x) => x.section === section);
      return g ? say(g.guidance) : null;
    },
    baselineRequired: policy?.roadmapBaselineRequired === true,
  };
}

import type { EuropeanPartnership, LinkNature } from '@cluster/domain';

/**
 * The European strategic partnerships and platforms of the first version (issue 14): the ones
 * Flemish spearhead clusters most often align with. Periods are those of the partnerships' own
 * founding acts where they have an end; an admin publishes a new version as the landscape moves.
 */
export const EUROPEAN_PARTNERSHIPS_V1: EuropeanPartnership[] = [
  // Smart specialisation (S3) thematic platforms of the European Commission's JRC.
  { code: 'S3P-INDUSTRY', kind: 's3_thematic_platform', name: { nl: 'S3-platform Industriële Modernisering', en: 'S3 Platform Industrial Modernisation' }, url: 'https://s3platform.jrc.ec.europa.eu/industrial-modernisation', activeFrom: '2017-01-01' },
  { code: 'S3P-ENERGY', kind: 's3_thematic_platform', name: { nl: 'S3-platform Energie', en: 'S3 Platform Energy' }, url: 'https://s3platform.jrc.ec.europa.eu/s3p-energy', activeFrom: '2015-01-01' },
  { code: 'S3P-AGRIFOOD', kind: 's3_thematic_platform', name: { nl: 'S3-platform Agrovoeding', en: 'S3 Platform Agri-Food' }, url: 'https://s3platform.jrc.ec.europa.eu/agri-food', activeFrom: '2016-01-01' },
  // Knowledge and innovation communities of the European Institute of Innovation and Technology.
  { code: 'EIT-INNOENERGY', kind: 'eit_kic', name: { nl: 'EIT InnoEnergy', en: 'EIT InnoEnergy' }, url: 'https://www.innoenergy.com', activeFrom: '2010-01-01' },
  { code: 'EIT-HEALTH', kind: 'eit_kic', name: { nl: 'EIT Health', en: 'EIT Health' }, url: 'https://eithealth.eu', activeFrom: '2015-01-01' },
  { code: 'EIT-DIGITAL', kind: 'eit_kic', name: { nl: 'EIT Digital', en: 'EIT Digital' }, url: 'https://www.eitdigital.eu', activeFrom: '2010-01-01' },
  { code: 'EIT-MANUFACTURING', kind: 'eit_kic', name: { nl: 'EIT Manufacturing', en: 'EIT Manufacturing' }, url: 'https://www.eitmanufacturing.eu', activeFrom: '2019-01-01' },
  { code: 'EIT-RAWMATERIALS', kind: 'eit_kic', name: { nl: 'EIT RawMaterials', en: 'EIT RawMaterials' }, url: 'https://eitrawmaterials.eu', activeFrom: '2015-01-01' },
  // European partnerships under Horizon Europe (institutionalised and co-programmed).
  { code: 'HE-CLEAN-HYDROGEN', kind: 'horizon_europe_partnership', name: { nl: 'Clean Hydrogen Partnership', en: 'Clean Hydrogen Partnership' }, url: 'https://www.clean-hydrogen.europa.eu', activeFrom: '2021-11-30', activeTo: '2031-12-31' },
  { code: 'HE-P4PLANET', kind: 'horizon_europe_partnership', name: { nl: 'Processes4Planet (procesindustrie)', en: 'Processes4Planet (process industry)' }, url: 'https://www.aspire2050.eu', activeFrom: '2021-06-23', activeTo: '2030-12-31' },
  { code: 'HE-MADE-IN-EUROPE', kind: 'horizon_europe_partnership', name: { nl: 'Made in Europe (maakindustrie)', en: 'Made in Europe (manufacturing)' }, url: 'https://www.effra.eu', activeFrom: '2021-06-23', activeTo: '2030-12-31' },
  { code: 'HE-CBE-JU', kind: 'horizon_europe_partnership', name: { nl: 'Circular Bio-based Europe (CBE JU)', en: 'Circular Bio-based Europe (CBE JU)' }, url: 'https://www.cbe.europa.eu', activeFrom: '2021-11-30', activeTo: '2031-12-31' },
  { code: 'HE-CHIPS-JU', kind: 'horizon_europe_partnership', name: { nl: 'Chips Joint Undertaking', en: 'Chips Joint Undertaking' }, url: 'https://www.chips-ju.europa.eu', activeFrom: '2023-09-21', activeTo: '2031-12-31' },
  // Important projects of common European interest.
  { code: 'IPCEI-HYDROGEN', kind: 'ipcei', name: { nl: 'IPCEI Waterstof', en: 'IPCEI Hydrogen' }, url: 'https://competition-policy.ec.europa.eu/state-aid/ipcei/approved-ipceis_en', activeFrom: '2022-07-15' },
  { code: 'IPCEI-MICROELEC', kind: 'ipcei', name: { nl: 'IPCEI Micro-elektronica', en: 'IPCEI Microelectronics' }, url: 'https://competition-policy.ec.europa.eu/state-aid/ipcei/approved-ipceis_en', activeFrom: '2018-12-18' },
  { code: 'IPCEI-BATTERIES', kind: 'ipcei', name: { nl: 'IPCEI Batterijen', en: 'IPCEI Batteries' }, url: 'https://competition-policy.ec.europa.eu/state-aid/ipcei/approved-ipceis_en', activeFrom: '2019-12-09' },
];

/** What a link means, from the strongest tie to the loosest. */
export const LINK_NATURES_V1: LinkNature[] = [
  { code: 'member', name: { nl: 'Lid (de cluster of haar trekkers zijn formeel lid)', en: 'Member (the cluster or its lead actors are formal members)' } },
  { code: 'joint_projects', name: { nl: 'Gezamenlijke projecten', en: 'Joint projects' } },
  { code: 'aligned_objectives', name: { nl: 'Afgestemde doelstellingen', en: 'Aligned objectives' } },
  { code: 'observer', name: { nl: 'Waarnemer', en: 'Observer' } },
];

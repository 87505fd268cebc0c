import type { PolicyDocument } from '@cluster/domain';
import { EUROPEAN_PARTNERSHIPS_V1, LINK_NATURES_V1 } from './european-partnerships-v1';
import { ROADMAP_HANDBOOK_V1 } from './roadmap-handbook-v1';

/**
 * The first version of the reference data, from the concept note "Een slimme
 * specialisatiestrategie voor een gericht clusterbeleid" (EWI, 2013). Admins publish new versions;
 * this one is only loaded into an empty database.
 */
/** The policy domain of the concept note's own instruments. */
const EWI = { nl: 'Economie, Wetenschap en Innovatie', en: 'Economy, Science and Innovation' };

export const POLICY_V1: PolicyDocument = {
  councils: [
    {
      code: 'RI',
      name: { nl: 'Raad voor Innovatie (RI)', en: 'Council for Innovation (RI)' },
      adviceTermDays: 30,
      reminderDaysBefore: [7, 1],
    },
    {
      code: 'VRWI',
      name: {
        nl: 'Vlaamse Raad voor Wetenschap en Innovatie (VRWI)',
        en: 'Flemish Council for Science and Innovation (VRWI)',
      },
      adviceTermDays: 30,
      reminderDaysBefore: [7, 1],
    },
    {
      code: 'SERV',
      name: {
        nl: 'Sociaal-Economische Raad van Vlaanderen (SERV)',
        en: 'Social and Economic Council of Flanders (SERV)',
      },
      adviceTermDays: 30,
      reminderDaysBefore: [7, 1],
    },
  ],
  gateQuestions: [
    { code: 'G1', text: { nl: 'Beantwoordt de roadmap een maatschappelijke uitdaging?', en: 'Does it answer a societal challenge?' } },
    { code: 'G2', text: { nl: 'Is er een grote economische meerwaarde?', en: 'Is there a large economic added value?' } },
    { code: 'G3', text: { nl: 'Is er een sterke internationale positionering?', en: 'Is there a strong international positioning?' } },
  ],
  criteria: [
    { code: 'C1', text: { nl: 'Bijdrage aan de maatschappelijke uitdagingen / innovatieknooppunten van Vlaanderen in Actie', en: 'Contribution to the societal challenges / innovation hubs of Vlaanderen in Actie' } },
    { code: 'C2', text: { nl: 'Koppeling van de roadmap met internationale / Europese roadmaps (internationale positionering)', en: 'Link of the roadmap with international / European roadmaps (international positioning)' } },
    { code: 'C3', text: { nl: 'Capaciteit om een projectenportfolio strategisch op te volgen ten opzichte van de roadmap', en: 'Capacity to monitor a project portfolio strategically against the roadmap' } },
    { code: 'C4', text: { nl: 'Sterke trekkers met strategische impact op waardeketens en internationale samenwerking', en: 'Strong lead actors with strategic impact on value chains and international cooperation' } },
    { code: 'C5', text: { nl: 'Gedragen door een brede alliantie, met de kritische partners aanwezig', en: 'Support by a broad alliance, with the critical partners present' } },
    { code: 'C6', text: { nl: 'Duidelijke internationale differentiatie van Vlaanderen (complementariteit, competitiviteit, kritische massa)', en: 'Clear international differentiation of Flanders (complementarity, competitiveness, critical mass)' } },
    { code: 'C7', text: { nl: 'Focus op sectoroverschrijdende waardeketens en interdisciplinaire innovatie', en: 'Focus on cross-sector value chains and interdisciplinary innovation' } },
    { code: 'C8', text: { nl: 'Koppeling met een duurzaam loopbaan- en competentiebeleid', en: 'Link with a sustainable career and competence policy' } },
    { code: 'C9', text: { nl: 'Hefboom van de gevraagde overheidsinterventie (additionaliteit, multiplicator, systeemeffect)', en: 'Leverage of the requested government intervention (additionality, multiplier, system effect)' } },
    { code: 'C10', text: { nl: 'Financiële engagementen en garanties van de strategische partners', en: 'Financial commitments and guarantees of the strategic partners' } },
  ],
  scoreScale: { min: 1, max: 5 },
  // A call's proposed ranking (libs/domain/src/selection.ts): every criterion weighs the same
  // until the government decides otherwise in a new version.
  selectionWeights: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10'].map((criterionCode) => ({ criterionCode, weight: 1 })),
  minAssessors: 2,
  instruments: [
    { code: 'IWT', name: { nl: 'IWT – innovatiesteun', en: 'IWT – innovation grants' }, policyDomain: EWI },
    { code: 'PMV', name: { nl: 'PMV – investeringsmaatschappij', en: 'PMV – investment company' }, policyDomain: EWI },
    { code: 'TINA', name: { nl: 'TINA – transformatiefonds', en: 'TINA – transformation fund' }, policyDomain: EWI },
    { code: 'STS', name: { nl: 'STS', en: 'STS' }, policyDomain: EWI },
    // The concept note's "instruments of other policy domains": competences (criterion 8) and education.
    { code: 'ESF', name: { nl: 'ESF+ – Europees Sociaal Fonds (opleiding en competenties)', en: 'ESF+ – European Social Fund (training and skills)' }, policyDomain: { nl: 'Werk en Sociale Economie', en: 'Work and Social Economy' } },
    { code: 'STEM', name: { nl: 'STEM-agenda – onderwijsprojecten', en: 'STEM agenda – education projects' }, policyDomain: { nl: 'Onderwijs en Vorming', en: 'Education and Training' } },
  ],
  dialogueCadenceMonths: 6,
  signingDeadlineDays: 60,
  milestoneReminderDaysBefore: [14, 3],
  europeanPartnerships: EUROPEAN_PARTNERSHIPS_V1,
  linkNatures: LINK_NATURES_V1,
  roadmapHandbook: ROADMAP_HANDBOOK_V1,
  roadmapBaselineRequired: true,
};

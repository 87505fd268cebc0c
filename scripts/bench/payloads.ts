/** Request bodies of the first half of the process, as the web app sends them. */
import { POLICY_V1, DEMO_USERS } from '@cluster/reference-data';

export const demoUserId = (subject: string): string => {
  const user = DEMO_USERS.find((u) => u.subject === subject);
  if (!user) throw new Error(`no demo user ${subject}`);
  return user.id;
};

export function newCase(clusterName: string) {
  return {
    clusterName,
    domain: 'Circulaire chemie',
    leadActors: ['Catalisti vzw'],
    partners: ['Universiteit Gent', 'VITO'],
    accountManagerId: demoUserId('handler'),
  };
}

export function roadmap(revision = 1) {
  return {
    baseline: 'Vandaag: 40 bedrijven en 4 kennisinstellingen, 12.000 banen, 3 pilootlijnen in Vlaanderen.',
    vision: `Vlaanderen als Europese koploper in circulaire chemie tegen 2035 (versie ${revision})`,
    horizonYear: 2035,
    objectives: ['30% minder CO2-uitstoot', 'Tien nieuwe demonstratieprojecten'],
    milestones: [{ title: 'Pilootinstallatie', dueDate: '2028-06-30' }],
    commitments: [{ actor: 'Catalisti vzw', commitment: 'Coördinatie van de portfolio' }],
    projectPortfolio: ['Project A', 'Project B'],
    internationalRoadmapLinks: ['SPIRE 2050'],
    societalChallenges: ['Klimaat'],
  };
}

export function assessment(score = 4) {
  return {
    gateAnswers: POLICY_V1.gateQuestions.map((g) => ({ code: g.code, answer: true, justification: `Ja: ${g.text.nl}` })),
    scores: POLICY_V1.criteria.map((c, i) => ({ code: c.code, score: i === 0 ? Math.min(score + 1, 5) : score, justification: `Onderbouwing ${c.code}` })),
  };
}

export function proposal(councils: string[]) {
  return {
    outcome: 'approve',
    rationale: 'De roadmap voldoet aan de kwaliteitscriteria en de adviezen zijn verwerkt.',
    considerations: councils.map((councilCode) => ({ councilCode, text: `Het advies van ${councilCode} is meegenomen.` })),
  };
}

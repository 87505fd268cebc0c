import { randomUUID } from 'node:crypto';
import { addDays, brusselsDate, type Actor, type CallInput, type NewCaseDetails, type RoadmapContent } from '@cluster/domain';
import type { CommandMeta } from '@cluster/contracts';
import { DEMO_USERS } from '@cluster/reference-data';

export const demoUser = (subject: string) => {
  const user = DEMO_USERS.find((u) => u.subject === subject);
  if (!user) throw new Error(`no demo user ${subject}`);
  return user;
};

export function actor(subject = 'handler'): Actor {
  const u = demoUser(subject);
  return { userId: u.id, displayName: u.displayName, role: u.roles[0]!, organisation: u.organisation };
}

export function meta(subject = 'handler', reason?: string): CommandMeta {
  return { actor: actor(subject), requestId: randomUUID(), ...(reason ? { reason } : {}) };
}

export function caseDetails(overrides: Partial<NewCaseDetails> = {}): NewCaseDetails {
  return {
    clusterName: 'Duurzame chemie',
    domain: 'Circulaire chemie',
    leadActors: ['Catalisti vzw'],
    partners: ['UGent', 'VITO'],
    accountManagerId: demoUser('handler').id,
    ...overrides,
  };
}

export function roadmap(overrides: Partial<RoadmapContent> = {}): RoadmapContent {
  return {
    baseline: 'Vandaag: 40 bedrijven en 4 kennisinstellingen, 12.000 banen, 3 pilootlijnen in Vlaanderen.',
    vision: 'Vlaanderen als Europese koploper in circulaire chemie tegen 2035',
    horizonYear: 2035,
    objectives: ['30% minder CO2-uitstoot'],
    milestones: [{ title: 'Pilootinstallatie', dueDate: '2028-06-30' }],
    commitments: [{ actor: 'Catalisti vzw', commitment: 'Coördinatie van de portfolio' }],
    projectPortfolio: ['Project A'],
    internationalRoadmapLinks: ['SPIRE 2050'],
    societalChallenges: ['Klimaat'],
    ...overrides,
  };
}

/** A sound call for spearhead clusters, opened today: registration open for 30 days, in a period of a year. */
export function callBody(title: string, overrides: Partial<CallInput> = {}): CallInput {
  const today = new Date();
  return {
    title,
    description: 'Oproep voor speerpuntclusters in het gericht clusterbeleid.',
    periodStart: brusselsDate(today),
    periodEnd: brusselsDate(addDays(today, 365)),
    submissionDeadline: brusselsDate(addDays(today, 30)),
    maxSelected: 2,
    envelopes: [{ instrumentCode: 'IWT', amountCents: 500_000_000 }],
    ...overrides,
  };
}

import { NotificationsService, termReminder } from '@cluster/notifications';
import { Database } from '@cluster/persistence';
import { caseAt, type CaseMilestone, type StagedCase, type StagedCaseOptions } from '../support/case-stages';
import { callBody } from '../support/fixtures';
import { httpCalls } from '../support/http-calls';
import type { HttpStack } from '../support/http-stack';
import { inBatches } from '../support/raw-http';
import { cellKey, fixtureOf } from './permissions.fixtures';
import { ACTORS, PERMISSIONS, type Actor, type PermissionRule, type Relation, type Scene } from './permissions.table';

/**
 * The cases the permission matrix runs against. "Own" cases are managed by `handler`, assessed by
 * `assessor-a` (and assessor-b) and each has its own representative; "other" cases are managed by
 * handler2, assessed by assessor-b and assessor-c, and represented by someone else.
 */
const OWN: Record<Scene, CaseMilestone> = {
  drafting: 'drafting',
  assessment: 'assessed',
  advice: 'advice',
  decision: 'decision',
  trajectory: 'test_trajectory',
  agreement: 'partnership_agreement',
  dialogue: 'structured_dialogue',
};

export interface PermissionWorld {
  own: Record<Scene, StagedCase>;
  /** The other case for assessment endpoints (assessors assigned), and for all the rest (agreement open for signing). */
  otherAssessing: StagedCase;
  other: StagedCase;
  /** The case of its own that an allowed cell needs (permissions.fixtures.ts), by cellKey. */
  fresh: Record<string, StagedCase>;
  /** Subject → user id, demo and created users alike. */
  userIds: Record<string, string>;
  /** A version of the reference data proposed by the second administrator (admin2), for the administrator to decide. */
  policyProposalId: string;
  /** A call for spearhead clusters the policy owner opened, open for registration. */
  callId: string;
  /** A call whose registration has closed, without candidates: the selection can be proposed. */
  readyCallId: string;
  /** A selection the policy owner proposed for another closed call, awaiting an approver. */
  selectionId: string;
}

export const ACTOR_SUBJECTS: Record<Exclude<Actor, 'anon' | 'rep'>, string> = {
  handler: 'handler',
  assessor: 'assessor-a',
  approver: 'approver',
  council: 'council-ri',
  auditor: 'auditor',
  admin: 'admin',
  owner: 'policy-owner',
};

/** How many cases are driven at the same time: enough to overlap their waits, few enough for 2 cores. */
const BUILD_CONCURRENCY = 8;

/** Drives every case of the world over HTTP, side by side. */
export async function buildPermissionWorld(s: HttpStack): Promise<PermissionWorld> {
  const { post, get } = httpCalls(() => s);
  // Case handlers outside the matrix: the other cases' second assessor, so that their assessors
  // are nobody the matrix plays, and the colleague who takes cases over in the handover cells.
  for (const [subject, displayName] of [['assessor-c', 'Marc Pauwels'], ['stand-in', 'Ilse Claes']] as const) {
    const created = await post('admin', 'users', { subject, displayName, email: `${subject}@example.be`, organisation: 'EWI', roles: ['case_handler'], reason: 'Nieuwe gebruiker in de test' });
    if (created.status !== 201) throw new Error(`${subject}: ${created.status} ${JSON.stringify(created.body)}`);
  }

  const ownOptions = (label: string): StagedCaseOptions => ({ label, accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
  const otherOptions = (label: string): StagedCaseOptions => ({ label, accountManager: 'handler2', assessors: ['assessor-b', 'assessor-c'], partnerRepresentative: 'assessor-b' });
  const plans: { key: string; until: CaseMilestone; options: StagedCaseOptions; fresh?: boolean }[] = [];
  for (const scene of Object.keys(OWN) as Scene[]) {
    const options = ownOptions(`eigen-${scene}`);
    // The open agreement has a partner nobody in the matrix represents, so it never completes.
    plans.push({ key: `own ${scene}`, until: OWN[scene], options: scene === 'agreement' ? { ...options, partnerRepresentative: 'assessor-b' } : options });
  }
  plans.push({ key: 'otherAssessing', until: 'assessors_assigned', options: otherOptions('ander-beoordeling') });
  plans.push({ key: 'other', until: 'partnership_agreement', options: otherOptions('ander') });
  for (const rule of PERMISSIONS) {
    const { fresh } = fixtureOf(rule);
    if (!fresh) continue;
    for (const actor of ACTORS) {
      for (const [relation, verdict] of Object.entries(rule.verdicts[actor]) as [Relation, string][]) {
        if (verdict !== 'A') continue;
        // No silent partner here: a fresh case that is to reach the dialogue must get its agreement signed.
        const label = `vers-${plans.length}`;
        const options = relation === 'own' ? ownOptions(label) : { ...otherOptions(label), partnerRepresentative: undefined };
        plans.push({ key: cellKey(rule.endpoint, actor, relation), until: fresh, options, fresh: true });
      }
    }
  }

  const built = await inBatches(plans, BUILD_CONCURRENCY, (p) => caseAt(s, p.until, p.options));
  // Proposed by someone the matrix does not play, so the administrator's decision is four eyes.
  const latest = (await get('admin2', 'policy-versions/latest')).body as { content: object };
  const proposed = await post('admin2', 'policy-versions', { content: latest.content, reason: 'Voorstel in de rechtentest' });
  if (proposed.status !== 201) throw new Error(`policy proposal: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const call = await post('policy-owner', 'calls', callBody('Oproep in de rechtentest'));
  if (call.status !== 201) throw new Error(`call: ${call.status} ${JSON.stringify(call.body)}`);
  // Two more calls whose registration has closed (as the call's timer would, sooner): one to
  // propose a selection for, one with a selection proposed, awaiting an approver.
  const closedCall = async (title: string) => {
    const opened = await post('policy-owner', 'calls', callBody(title));
    if (opened.status !== 201) throw new Error(`call: ${opened.status} ${JSON.stringify(opened.body)}`);
    const id = (opened.body as { id: string }).id;
    await s.app.get(Database).transaction((repos) => repos.calls.update(id, { status: 'registration_closed' }));
    return id;
  };
  const readyCallId = await closedCall('Gesloten oproep in de rechtentest');
  const proposedCallId = await closedCall('Oproep met een voorstel van selectie');
  const selection = await post('policy-owner', `calls/${proposedCallId}/selection`, { selected: [], notSelected: [], reason: 'Geen kandidaten in de rechtentest.' });
  if (selection.status !== 201) throw new Error(`selection: ${selection.status} ${JSON.stringify(selection.body)}`);
  const byKey = new Map(plans.map((p, i) => [p.key, built[i]!]));
  // A project on each shared case the portfolio's cells run against, for the cells that change one.
  for (const c of [byKey.get('own dialogue')!, byKey.get('other')!]) {
    const project = { title: `Project van ${c.label}`, leadOrganisation: 'Catalisti vzw', serves: { kind: 'objective', index: 0 }, instrumentCode: 'IWT', requestedCents: 100_000 };
    const created = await post(c.accountManager, `cases/${c.id}/projects`, project);
    if (created.status !== 201) throw new Error(`project on ${c.label}: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const users = (await get('admin', 'users')).body as { id: string; subject: string }[];
  const own = Object.fromEntries((Object.keys(OWN) as Scene[]).map((scene) => [scene, byKey.get(`own ${scene}`)!])) as Record<Scene, StagedCase>;
  // Notifications come from reminders and escalations, which take days of real time: one unread
  // reminder per actor, written by the product's own service, gives marking them read an effect.
  const reader = [...Object.values(ACTOR_SUBJECTS), own.dialogue.representative].map((subject) => users.find((u) => u.subject === subject)!.id);
  await s.app.get(Database).transaction((repos) =>
    s.app.get(NotificationsService).notify(repos, { userIds: reader }, { caseId: own.dialogue.id, kind: 'term_reminder', message: termReminder('het verslag', `Cluster ${own.dialogue.label}`, new Date(Date.now() + 14 * 86_400_000)), key: 'permission-matrix', at: new Date() }),
  );
  return {
    own,
    otherAssessing: byKey.get('otherAssessing')!,
    other: byKey.get('other')!,
    fresh: Object.fromEntries(plans.filter((p) => p.fresh).map((p) => [p.key, byKey.get(p.key)!])),
    userIds: Object.fromEntries(users.map((u) => [u.subject, u.id])),
    policyProposalId: (proposed.body as { proposalId: string }).proposalId,
    callId: (call.body as { id: string }).id,
    readyCallId,
    selectionId: (selection.body as { selectionId: string }).selectionId,
  };
}

export function caseFor(w: PermissionWorld, scene: Scene, relation: Relation): StagedCase {
  if (relation === 'own') return w.own[scene];
  return scene === 'assessment' ? w.otherAssessing : w.other;
}

/** The case a cell runs against: its own fresh case where its fixture asks for one, else the scene's shared case. */
export function targetFor(w: PermissionWorld, rule: PermissionRule, actor: Actor, relation: Relation): StagedCase {
  return w.fresh[cellKey(rule.endpoint, actor, relation)] ?? caseFor(w, rule.scene, relation);
}

/**
 * The user who plays `actor` against `target`, null for no token. The representative on their own
 * object is the representative of that case; on someone else's, the scene's own case's representative.
 */
export function subjectFor(w: PermissionWorld, actor: Actor, scene: Scene, relation: Relation, target: StagedCase): string | null {
  if (actor === 'anon') return null;
  if (actor === 'rep') return relation === 'own' ? target.representative : w.own[scene].representative;
  return ACTOR_SUBJECTS[actor];
}

/** The shared cases (the fresh ones each serve one allowed cell). */
export function allCases(w: PermissionWorld): StagedCase[] {
  return [...Object.values(w.own), w.otherAssessing, w.other];
}

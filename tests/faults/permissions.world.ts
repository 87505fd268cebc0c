import { caseAt, type CaseMilestone, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import type { HttpStack } from '../support/http-stack';
import type { Actor, Relation, Scene } from './permissions.table';

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
  /** Subject → user id, demo and created users alike. */
  userIds: Record<string, string>;
}

export const ACTOR_SUBJECTS: Record<Exclude<Actor, 'anon' | 'rep'>, string> = {
  handler: 'handler',
  assessor: 'assessor-a',
  approver: 'approver',
  council: 'council-ri',
  auditor: 'auditor',
  admin: 'admin',
};

/** Drives every case of the world over HTTP, side by side. */
export async function buildPermissionWorld(s: HttpStack): Promise<PermissionWorld> {
  const { post, get } = httpCalls(() => s);
  // A case handler outside the matrix, so that the other cases' assessors are nobody the matrix plays.
  const created = await post('admin', 'users', { subject: 'assessor-c', displayName: 'Marc Pauwels', email: 'marc.pauwels@example.be', organisation: 'EWI', roles: ['case_handler'] });
  if (created.status !== 201) throw new Error(`assessor-c: ${created.status} ${JSON.stringify(created.body)}`);

  const own = async (scene: Scene) =>
    [
      scene,
      await caseAt(s, OWN[scene], {
        label: `eigen-${scene}`,
        accountManager: 'handler',
        assessors: ['assessor-a', 'assessor-b'],
        // The open agreement has a partner nobody in the matrix represents, so it never completes.
        ...(scene === 'agreement' ? { partnerRepresentative: 'assessor-b' } : {}),
      }),
    ] as const;
  const others = { accountManager: 'handler2', assessors: ['assessor-b', 'assessor-c'] as [string, string], partnerRepresentative: 'assessor-b' };
  const [ownCases, otherAssessing, other] = await Promise.all([
    Promise.all(Object.keys(OWN).map((scene) => own(scene as Scene))),
    caseAt(s, 'assessors_assigned', { label: 'ander-beoordeling', ...others }),
    caseAt(s, 'partnership_agreement', { label: 'ander', ...others }),
  ]);
  const users = (await get('admin', 'users')).body as { id: string; subject: string }[];
  return {
    own: Object.fromEntries(ownCases) as Record<Scene, StagedCase>,
    otherAssessing,
    other,
    userIds: Object.fromEntries(users.map((u) => [u.subject, u.id])),
  };
}

export function caseFor(w: PermissionWorld, scene: Scene, relation: Relation): StagedCase {
  if (relation === 'own') return w.own[scene];
  return scene === 'assessment' ? w.otherAssessing : w.other;
}

/** The user who plays `actor` in a scene (the representative belongs to the scene's own case); null for no token. */
export function subjectFor(w: PermissionWorld, actor: Actor, scene: Scene): string | null {
  if (actor === 'anon') return null;
  if (actor === 'rep') return w.own[scene].representative;
  return ACTOR_SUBJECTS[actor];
}

export function allCases(w: PermissionWorld): StagedCase[] {
  return [...Object.values(w.own), w.otherAssessing, w.other];
}

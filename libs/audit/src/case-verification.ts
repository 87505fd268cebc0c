import type { AuditService } from './audit.service';
import { GENESIS_HASH, type ChainBreak, type ChainVerification } from './hash-chain';
import type { KeptHead } from './workflow-head-keeper';

/** What each kind of break means, for the people reading a verification. */
export const CHAIN_BREAK_EXPLANATIONS: Record<ChainBreak['problem'], string> = {
  hash_mismatch: 'De inhoud van deze gebeurtenis is gewijzigd. / The content of this event was changed.',
  prev_hash_mismatch: 'Deze gebeurtenis volgt niet op de vorige: ingevoegd, verwisseld of vervangen. / This event does not follow the one before it: inserted, swapped or replaced.',
  sequence_gap: 'Een plaats in de keten ontbreekt of komt dubbel voor: een rij is verwijderd of ingevoegd. / A place in the chain is missing or repeated: a row was deleted or inserted.',
  tail_missing: 'De keten eindigt vóór de kop die buiten de databank bewaard is: de nieuwste gebeurtenissen zijn verwijderd. / The chain ends before the head kept outside the database: the newest events were deleted.',
  head_mismatch: 'Op de plaats van de bewaarde kop staat een andere gebeurtenis. / The event at the kept head\'s place is not the one that was kept.',
  not_anchored: 'Gebeurtenissen na de bewaarde kop: niets buiten de databank staat ervoor in (buiten de toepassing toegevoegd, of hun verankering mislukte). / Events after the kept head: nothing outside the database vouches for them (added behind the application\'s back, or their anchoring failed).',
};

/** How long a verification waits for a head that is on its way (the anchor coalesces for 50 ms). */
const ANCHOR_GRACE_MS = 1500;

export interface CaseChainReport extends ChainVerification {
  caseId: string;
  keptHead: KeptHead;
  verifiedAt: string;
  durationMs: number;
}

/**
 * Recomputes a case's chain from the table and holds it against the head the case workflow
 * keeps; without a kept head (workflow gone), only the chain's inner consistency is checked.
 */
export async function verifyCaseChain(audit: AuditService, keeper: { read(caseId: string): Promise<KeptHead> }, caseId: string): Promise<CaseChainReport> {
  const started = performance.now();
  const check = async () => {
    const keptHead = await keeper.read(caseId);
    // No head yet: every event must still be vouched for. Workflow unavailable: the chain alone.
    const anchor = keptHead.state === 'kept' ? keptHead.head : keptHead.state === 'none' ? { seq: 0, hash: GENESIS_HASH } : undefined;
    return { keptHead, result: await audit.verifyCase(caseId, anchor) };
  };
  let { keptHead, result } = await check();
  // A command that just committed may still have its head on the way: look once more.
  if (result.firstBreak?.problem === 'not_anchored') {
    await new Promise((resolve) => setTimeout(resolve, ANCHOR_GRACE_MS));
    ({ keptHead, result } = await check());
  }
  return { ...result, caseId, keptHead, verifiedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
}

import type { Client } from '@temporalio/client';
import { verifyCaseChain, WorkflowHeadKeeper, type AuditService } from '@cluster/audit';
import type { Database } from '@cluster/persistence';
import type { CaseJourney } from './case-journey';

// Each check returns what is wrong with one case, in words: a failing run lists every problem at once.

/**
 * The trail's command events are exactly the commands the driver saw accepted, each once. A
 * command event carries its update's id in its idempotency key (some services prefix 'audit:'
 * where their own record holds the bare key); events a command books alongside (an earmark, an
 * approval) carry longer keys or none.
 */
export async function trailProblems(audit: AuditService, j: CaseJourney): Promise<string[]> {
  const { items: trail } = await audit.listCase(j.caseId, 5000, 0);
  const commandKey = new RegExp(`^(?:audit:)?${j.workflowId}:([^:]+)$`);
  const recorded = trail.flatMap((e) => e.idempotencyKey?.match(commandKey)?.[1] ?? []);
  const accepted = j.accepted.map((c) => c.updateId);
  const problems: string[] = [];
  const name = (id: string) => j.accepted.find((c) => c.updateId === id)?.name ?? 'unknown command';
  for (const id of accepted) {
    const n = recorded.filter((r) => r === id).length;
    if (n !== 1) problems.push(`${name(id)} (${id}) recorded ${n} times`);
  }
  for (const id of new Set(recorded)) if (!accepted.includes(id)) problems.push(`event for update ${id} that the driver never had accepted`);
  const closures = trail.filter((e) => e.action === 'case.closed');
  if (closures.length !== 1) problems.push(`${closures.length} case.closed events`);
  else if (trail.at(-1) !== closures[0]) problems.push(`events after the closure: ${trail.slice(trail.indexOf(closures[0]!) + 1).map((e) => e.action).join(', ')}`);
  const released = trail.filter((e) => e.action === 'budget.released');
  if (released.length !== 1) problems.push(`${released.length} budget.released events`);
  return problems.map((p) => `case ${j.plan.no}: ${p}`);
}

/**
 * The case's ledger to the cent: each agreed earmark booked once, the approved tranche booked once
 * against its request, every unreleased cent given back at closure, and the lines equal to the
 * sum of their movements (earmarked = released, nothing remaining, once closed).
 */
export async function ledgerProblems(db: Database, j: CaseJourney): Promise<string[]> {
  const [lines, movements, releases] = await Promise.all([db.repos.budget.lines(j.caseId), db.repos.budget.movements(j.caseId), db.repos.budget.releases(j.caseId)]);
  const problems: string[] = [];
  const sum = (code: string, kind: string) => movements.filter((m) => m.instrumentCode === code && m.kind === kind).reduce((a, m) => a + m.amountCents, 0);
  const count = (code: string, kind: string) => movements.filter((m) => m.instrumentCode === code && m.kind === kind).length;
  let returned = 0;
  for (const { instrumentCode: code, amountCents: agreed } of j.plan.earmarks) {
    const releasedPlan = j.plan.release.instrumentCode === code ? j.plan.release.amountCents : 0;
    const line = lines.find((l) => l.instrumentCode === code);
    if (count(code, 'earmark') !== 1 || sum(code, 'earmark') !== agreed) problems.push(`${code}: earmarks ${count(code, 'earmark')}× totalling ${sum(code, 'earmark')}, agreed ${agreed}`);
    if (sum(code, 'release') !== releasedPlan) problems.push(`${code}: released ${sum(code, 'release')}, approved ${releasedPlan}`);
    const unreleased = agreed - releasedPlan;
    if (sum(code, 'unearmark') !== unreleased || count(code, 'unearmark') !== (unreleased > 0 ? 1 : 0)) problems.push(`${code}: given back ${sum(code, 'unearmark')} in ${count(code, 'unearmark')} movements, unreleased ${unreleased}`);
    returned += unreleased;
    if (!line) {
      problems.push(`${code}: no budget line`);
      continue;
    }
    if (line.earmarkedCents !== sum(code, 'earmark') - sum(code, 'unearmark')) problems.push(`${code}: line earmarked ${line.earmarkedCents} is not its movements' sum`);
    if (line.releasedCents !== sum(code, 'release')) problems.push(`${code}: line released ${line.releasedCents} is not its movements' sum`);
    if (line.earmarkedCents - line.releasedCents !== 0) problems.push(`${code}: ${line.earmarkedCents - line.releasedCents} remaining after closure`);
  }
  if (lines.length !== j.plan.earmarks.length) problems.push(`${lines.length} budget lines for ${j.plan.earmarks.length} earmarked instruments`);
  if (j.closed.returnedCents !== returned) problems.push(`closure returned ${j.closed.returnedCents}, unreleased ${returned}`);
  if (releases.length !== 1 || releases[0]!.id !== j.releaseId || releases[0]!.status !== 'approved' || releases[0]!.amountCents !== j.plan.release.amountCents) {
    problems.push(`releases ${JSON.stringify(releases.map((r) => [r.id, r.status, r.amountCents]))}, expected ${j.releaseId} approved for ${j.plan.release.amountCents}`);
  }
  const bookings = movements.filter((m) => m.kind === 'release');
  if (bookings.length !== 1 || bookings[0]!.releaseId !== j.releaseId || bookings[0]!.amountCents !== j.plan.release.amountCents) {
    problems.push(`release bookings ${JSON.stringify(bookings.map((m) => [m.releaseId, m.amountCents]))}`);
  }
  return problems.map((p) => `case ${j.plan.no}: ${p}`);
}

/** The chain recomputed from the table reaches, unchanged, the head the closed workflow kept. */
export async function chainProblems(audit: AuditService, client: Client, j: CaseJourney): Promise<string[]> {
  const report = await verifyCaseChain(audit, new WorkflowHeadKeeper(client.workflow), j.caseId);
  const problems: string[] = [];
  if (!report.ok) problems.push(`chain broken: ${JSON.stringify(report.firstBreak)}`);
  if (report.keptHead.state !== 'kept') problems.push(`no head kept by the workflow (${JSON.stringify(report.keptHead)})`);
  else if (report.keptHead.head.seq !== report.headSeq) problems.push(`kept head ${report.keptHead.head.seq}, chain head ${report.headSeq}`);
  return problems.map((p) => `case ${j.plan.no}: ${p}`);
}

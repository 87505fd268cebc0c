import { setHandler } from '@temporalio/workflow';
import { concludeTrajectoryUpdate, planTrajectoryUpdate, recordMilestoneEvidenceUpdate, termWorkflowId } from '@cluster/contracts';
import { stageConflict } from '../failures';
import { updateRef } from '../update-context';
import { acts, FOUR_EYES_ONLY, now, type CaseRun } from './case-run';

/** The test trajectory: its milestones, each with a term (reminders, an escalation when unmet), and its conclusion. */
export function registerTrajectoryHandlers(run: CaseRun): void {
  const { caseId, state } = run;
  const { milestones } = state;

  const milestoneTermId = (id: string) => termWorkflowId(caseId, `milestone-${id}-${milestones.get(id)!.round}`);
  /** Reminders before a milestone's due date and an escalation when it passes unmet. */
  const watchMilestone = async (id: string) => {
    const m = milestones.get(id)!;
    const round = m.round;
    const term = await run.terms.start(milestoneTermId(id), { subject: `milestone-${id}`, dueAt: m.dueAt, reminderDaysBefore: m.reminderDaysBefore, recipients: {} });
    if ((await term.result()) === 'lapsed' && !m.met && m.round === round && state.current() === 'test_trajectory') {
      await acts.milestoneOverdue(run.workflowId, caseId, id, m.dueAt, now());
    }
  };
  const stopMilestoneTerm = (id: string) => run.terms.end(milestoneTermId(id));

  setHandler(
    planTrajectoryUpdate,
    async ({ meta, milestones: plan, pilot }) => {
      const refs = await run.committed(() => acts.planTrajectory(updateRef(), caseId, plan, pilot, now(), meta));
      for (const r of refs) {
        milestones.set(r.milestoneId, { dueAt: r.dueAt, met: r.met, round: 1, reminderDaysBefore: r.reminderDaysBefore ?? [] });
        void watchMilestone(r.milestoneId);
      }
      return refs;
    },
    {
      validator: (_args) => {
        run.allowed('planTrajectory');
        if (milestones.size) throw stageConflict('Het testtraject is al gepland; verleng het via de evaluatie. / The trajectory is planned already; extend it through the evaluation.');
      },
    },
  );

  setHandler(
    recordMilestoneEvidenceUpdate,
    async ({ meta, milestoneId, evidence }) => {
      const result = await run.committed(() => acts.recordMilestoneEvidence(updateRef(), caseId, milestoneId, evidence, now(), meta));
      milestones.get(milestoneId)!.met = true;
      await stopMilestoneTerm(milestoneId);
      return result;
    },
    {
      validator: ({ milestoneId }) => {
        run.allowed('recordMilestoneEvidence');
        if (!milestones.has(milestoneId)) throw stageConflict('Dat is geen mijlpaal van dit dossier. / Not a milestone of this case.');
      },
    },
  );

  setHandler(
    concludeTrajectoryUpdate,
    async ({ meta, outcome, evaluation, newDueDates }) => {
      const result = await run.committed(() => acts.concludeTrajectory(updateRef(), caseId, outcome, evaluation, newDueDates, now(), meta));
      if (outcome === 'extend') {
        for (const d of newDueDates) {
          await stopMilestoneTerm(d.milestoneId);
          const m = milestones.get(d.milestoneId)!;
          m.dueAt = result.milestones.find((r) => r.milestoneId === d.milestoneId)!.dueAt;
          m.round++;
          void watchMilestone(d.milestoneId);
        }
      } else {
        for (const [id, m] of milestones) if (!m.met) await stopMilestoneTerm(id);
      }
      state.moveTo(result.stage);
      return result;
    },
    {
      validator: ({ outcome }) => {
        run.allowed('concludeTrajectory');
        if (outcome === 'stop') throw stageConflict(FOUR_EYES_ONLY);
      },
    },
  );
}

import { setHandler } from '@temporalio/workflow';
import { draftAgreementUpdate, signAgreementUpdate } from '@cluster/contracts';
import { stageConflict } from '../failures';
import { updateRef } from '../update-context';
import { acts, now, type CaseRun } from './case-run';
import type { SigningTerm } from './signing-term';

/** The partnership agreement: its versions (each voiding the signatures before) and the parties' signatures. */
export function registerAgreementHandlers(run: CaseRun, signing: SigningTerm): void {
  const { caseId, state } = run;

  setHandler(
    draftAgreementUpdate,
    async ({ meta, content }) => {
      const result = await run.committed(() => acts.draftAgreement(updateRef(), caseId, content, now(), meta));
      // A new version voids the signatures of the one before, and its signing term with them.
      await signing.stop();
      state.agreement = { versionId: result.agreementVersionId, version: result.version, sha256: result.sha256, signBy: result.signBy, signers: result.signers, reminderDaysBefore: result.reminderDaysBefore, settled: false };
      void signing.watch(state.agreement);
      return result;
    },
    { validator: (_args) => run.allowed('draftAgreement') },
  );

  setHandler(
    signAgreementUpdate,
    async ({ meta, sha256, partyId }) => {
      const result = await run.committed(() => acts.signAgreement(updateRef(), caseId, sha256, partyId, now(), meta));
      if (result.stage === 'structured_dialogue' && result.dialogue) {
        if (state.agreement) state.agreement = { ...state.agreement, settled: true };
        await signing.stop();
        // The first agreement starts the dialogue; an amendment may change its term and cadence.
        state.dialogue = state.dialogue
          ? { ...state.dialogue, termYears: result.dialogue.termYears, cadenceMonths: result.dialogue.cadenceMonths }
          : { cycle: 1, ...result.dialogue, pendingReleases: [] };
        state.moveTo('structured_dialogue');
      }
      return result;
    },
    {
      validator: ({ sha256 }) => {
        run.allowed('signAgreement');
        const { agreement } = state;
        if (!agreement) throw stageConflict('Er is geen versie van de overeenkomst om te ondertekenen. / There is no agreement version to sign.');
        if (agreement.sha256 !== sha256) throw stageConflict(`De tekst is gewijzigd: versie ${agreement.version} (SHA-256 ${agreement.sha256}) is de te ondertekenen versie. / The text changed: version ${agreement.version} (SHA-256 ${agreement.sha256}) is the one to sign.`);
      },
    },
  );
}

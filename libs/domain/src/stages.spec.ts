import { assertCommandAllowed, CASE_COMMAND_STAGES, CASE_STAGES, commandRefusal, type CaseCommand } from './stages';
import { DomainError } from './errors';
import { COMMAND_WORDS, STAGE_WORDS } from './process-words';

describe('case stages', () => {
  const commands = Object.keys(CASE_COMMAND_STAGES) as CaseCommand[];

  it.each(commands)('%s is allowed exactly in its stages and refused with a reason elsewhere', (command) => {
    for (const stage of CASE_STAGES) {
      const allowed = (CASE_COMMAND_STAGES[command] as readonly string[]).includes(stage);
      const refusal = commandRefusal(stage, command);
      if (allowed) expect(refusal).toBeNull();
      else {
        // In words, both languages: what was asked and the stage the case is in, never the codes.
        expect(refusal).toContain(COMMAND_WORDS[command].nl);
        expect(refusal).toContain(COMMAND_WORDS[command].en);
        if (stage !== 'closed') expect(refusal).toContain(`"${STAGE_WORDS[stage].nl}"`);
        expect(refusal).not.toContain(command);
        // (A one-word code such as "closed" or "advice" is also an English word.)
        if (stage.includes('_')) expect(refusal).not.toContain(stage);
      }
    }
  });

  it('names where a command can be done, in process order', () => {
    expect(commandRefusal('test_trajectory', 'signAgreement')).toBe(
      'De overeenkomst ondertekenen kan niet in de fase "Testtraject" waarin het dossier nu is; dat kan alleen in de fases "Partnerschapsovereenkomst" of "Gestructureerde dialoog". / ' +
        'Signing the agreement is not possible in the stage "Test trajectory" the case is in now; only in the stages "Partnership agreement" or "Structured dialogue".',
    );
    expect(commandRefusal('closed', 'withdrawCase')).toBe('Het dossier intrekken kan niet meer: het dossier is afgesloten. / Withdrawing the case is no longer possible: the case is closed.');
  });

  it('nothing is allowed on a closed case', () => {
    for (const command of commands) expect(commandRefusal('closed', command)).not.toBeNull();
  });

  it('throws a STAGE_CONFLICT domain error', () => {
    expect(() => assertCommandAllowed('advice', 'saveRoadmapDraft')).toThrow(DomainError);
    try {
      assertCommandAllowed('advice', 'saveRoadmapDraft');
    } catch (e) {
      expect((e as DomainError).code).toBe('STAGE_CONFLICT');
    }
  });
});

import { assertCommandAllowed, CASE_COMMAND_STAGES, CASE_STAGES, commandRefusal, type CaseCommand } from './stages';
import { DomainError } from './errors';

describe('case stages', () => {
  const commands = Object.keys(CASE_COMMAND_STAGES) as CaseCommand[];

  it.each(commands)('%s is allowed exactly in its stages and refused with a reason elsewhere', (command) => {
    for (const stage of CASE_STAGES) {
      const allowed = (CASE_COMMAND_STAGES[command] as readonly string[]).includes(stage);
      const refusal = commandRefusal(stage, command);
      if (allowed) expect(refusal).toBeNull();
      else expect(refusal).toContain(stage);
    }
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

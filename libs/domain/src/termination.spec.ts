import { CASE_COMMAND_STAGES, CASE_STAGES, type CaseCommand } from './stages';
import { pendingTerminationRefusal, STAGE_MOVING_COMMANDS, TERMINATION_COMMAND, TERMINATION_KINDS } from './termination';

describe('terminations (four eyes)', () => {
  const pending = { approvalId: 'a', kind: 'case_withdrawal' as const, proposedBy: 'u' };
  const commands = Object.keys(CASE_COMMAND_STAGES) as CaseCommand[];

  it('a withdrawal may be proposed in every stage before closure, and decided there', () => {
    expect(CASE_COMMAND_STAGES.withdrawCase).not.toContain('closed');
    expect(CASE_COMMAND_STAGES.withdrawCase).toEqual(CASE_STAGES.filter((s) => s !== 'closed'));
    expect(CASE_COMMAND_STAGES.decideTermination).toEqual(CASE_COMMAND_STAGES.withdrawCase);
  });

  it('each kind is proposed by its own command, in the stage it ends', () => {
    expect(TERMINATION_KINDS.map((k) => CASE_COMMAND_STAGES[TERMINATION_COMMAND[k]])).toEqual([
      ['quality_assessment'],
      ['test_trajectory'],
      ['structured_dialogue'],
      CASE_COMMAND_STAGES.withdrawCase,
    ]);
  });

  it.each(commands)('while one is pending, %s is refused in words only if it moves the stage or proposes another', (command) => {
    const refusal = pendingTerminationRefusal(pending, command);
    const expected = STAGE_MOVING_COMMANDS.includes(command) || Object.values(TERMINATION_COMMAND).includes(command);
    if (expected) expect(refusal).toMatch(/intrekking van het dossier.* \/ .*withdrawal of the case/);
    else expect(refusal).toBeNull();
    expect(pendingTerminationRefusal(null, command)).toBeNull();
  });
});

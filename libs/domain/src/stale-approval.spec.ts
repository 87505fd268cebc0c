import { releaseStillFits, staleReason, staleReleaseStatus } from './stale-approval';

describe('stale approvals', () => {
  it('says why in words, Dutch first, for each cause', () => {
    expect(staleReason({ kind: 'case_withdrawn', explanation: 'consortium valt uiteen' })).toMatch(/^Vervallen: het dossier is ingetrokken \(consortium valt uiteen\)\. \/ Closed without a decision: the case was withdrawn/);
    expect(staleReason({ kind: 'case_closed', explanation: 'stopgezet' })).toMatch(/^Vervallen: het dossier is afgesloten/);
    const noRoom = staleReason({ kind: 'no_room', instrumentCode: 'IWT', amountCents: 60_000_00, remainingCents: 40_000_00 });
    expect(noRoom).toContain('IWT');
    expect(noRoom).toMatch(/40\.000,00/);
    expect(noRoom).toMatch(/60\.000,00/);
  });

  it('refuses the release that no longer fits and supersedes the rest', () => {
    expect(staleReleaseStatus({ kind: 'no_room', instrumentCode: 'IWT', amountCents: 2, remainingCents: 1 })).toBe('refused');
    expect(staleReleaseStatus({ kind: 'case_closed', explanation: 'x' })).toBe('superseded');
  });

  it('a release fits up to the last cent remaining', () => {
    expect(releaseStillFits(100, 100)).toBe(true);
    expect(releaseStillFits(101, 100)).toBe(false);
  });
});

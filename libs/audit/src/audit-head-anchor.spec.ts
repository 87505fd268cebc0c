import type { Database } from '@cluster/persistence';
import { AuditHeadAnchor } from './audit-head-anchor';

/** A stand-in database: commits are announced by hand, the head is whatever the test says. */
function fakeDb(head: () => { seq: number; hash: string }) {
  let listener: (streams: string[]) => void = () => undefined;
  const db = {
    onAuditAppended: (l: (streams: string[]) => void) => (listener = l),
    repos: { audit: { headOf: async () => head() } },
  } as unknown as Database;
  return { db, commit: (...streams: string[]) => listener(streams) };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the audit head anchor', () => {
  it('sends one head for a burst of commits, only for case streams', async () => {
    let seq = 0;
    const { db, commit } = fakeDb(() => ({ seq, hash: `h${seq}` }));
    const sent: [string, number][] = [];
    const anchor = new AuditHeadAnchor(db, async (caseId, h) => void sent.push([caseId, h.seq]), undefined, 10).attach();
    for (seq = 1; seq <= 5; seq++) commit('case:a', 'system');
    seq = 5;
    await anchor.drain();
    expect(sent).toEqual([['a', 5]]);
  });

  it('retries a failed send with pauses, then gives up until the next commit', async () => {
    const { db, commit } = fakeDb(() => ({ seq: 3, hash: 'h3' }));
    let attempts = 0;
    const errors: unknown[] = [];
    const anchor = new AuditHeadAnchor(db, async () => {
      attempts++;
      throw new Error('Temporal is away');
    }, (_c, e) => errors.push(e), 1);
    anchor.retryDelaysMs = [5, 5];
    anchor.attach();
    commit('case:b');
    await tick(80);
    expect(attempts).toBe(3);
    expect(errors).toHaveLength(3);
    // Given up: nothing more until a new commit, which starts a new round.
    await tick(40);
    expect(attempts).toBe(3);
    commit('case:b');
    await tick(80);
    expect(attempts).toBe(6);
  });
});

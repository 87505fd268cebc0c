import type { RawHttp } from '../support/raw-http';

/**
 * What the record looks like from outside: per case its audit trail (count, chain head, whether
 * it verifies) and the case list, users, reference data, advice requests and approvals. Two equal
 * snapshots mean no request in between changed anything a user could see.
 */
export async function recordSnapshot(raw: RawHttp, token: (subject: string) => Promise<string>, caseIds: string[]): Promise<Record<string, unknown>> {
  const get = async (subject: string, path: string) => {
    const res = await raw.send({ method: 'GET', path, headers: { authorization: `Bearer ${await token(subject)}` } });
    if (res.status !== 200) throw new Error(`snapshot: GET ${path} answered ${res.status} ${res.text.slice(0, 200)}`);
    return JSON.parse(res.text) as Record<string, unknown> & { items: Record<string, unknown>[]; total: number };
  };
  const trails = await Promise.all(
    caseIds.map(async (id) => {
      const verified = await get('auditor', `/api/cases/${id}/audit/verify`);
      const trail = await get('auditor', `/api/cases/${id}/audit?limit=1`);
      return { id, events: trail.total, ok: verified.ok, checked: verified.checked, headSeq: verified.headSeq, headHash: verified.headHash };
    }),
  );
  // remainingDays is counted from now; everything else is stored data.
  const advice = (await get('auditor', '/api/advice-requests?limit=200')).items.map(({ remainingDays: _now, ...rest }) => rest);
  return {
    trails,
    allEvents: (await get('auditor', '/api/audit?limit=1')).total,
    cases: (await get('auditor', '/api/cases?limit=200')).items,
    users: await get('admin', '/api/users'),
    policies: await get('auditor', '/api/policy-versions'),
    advice,
    approvals: (await get('auditor', '/api/approvals?status=pending&limit=200')).items,
  };
}

import { createHash } from 'node:crypto';
import type { Response } from 'superagent';
import { addDays, brusselsDate } from '@cluster/domain';
import { agreementContent, caseAt, userId, type StagedCase } from '../support/case-stages';
import { minimalPdf } from '../support/documents';
import { demoUser } from '../support/fixtures';
import { eventually, httpCalls } from '../support/http-calls';
import { startHttpStack, type HttpStack } from '../support/http-stack';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a binary response body as a Buffer (superagent only buffers text by default). */
function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** "VR 2027 1503 DOC.0123" for a day: the number carries the meeting's date. */
const numberFor = (day: string, serial: string) => `VR ${day.slice(0, 4)} ${day.slice(8, 10)}${day.slice(5, 7)} DOC.${serial}`;

/**
 * Documents where the process produces them (issue 13), over HTTP with the real worker: the
 * Flemish Government's actual decision (number, date, signed PDF; append-only with corrections),
 * the signed agreement, dialogue reports and milestone evidence, each downloadable with its
 * SHA-256, in the case's document list and in the evidence bundle.
 */
describe('documents of the process over HTTP', () => {
  let s: HttpStack;
  let c: StagedCase;
  let firstRecordId: string;
  let decisionDocument: { id: string; sha256: string };
  const { post, get, as } = httpCalls(() => s);
  const today = brusselsDate(new Date());
  const signed = minimalPdf('Besluit van de Vlaamse Regering – ondertekend');

  const send = async (subject: string, path: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) => {
    const req = s.http().post(`/api${path}`).set(await as(subject));
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    if (file) req.attach('file', file.bytes, { filename: file.name, contentType: file.type ?? 'application/pdf' });
    return req;
  };
  const recordDecision = (subject: string, fields: Record<string, string>, file: Buffer | null = signed) =>
    send(subject, `/cases/${c.id}/government-decisions`, fields, file ? { bytes: file, name: 'Besluit VR – getekend.pdf' } : undefined);
  const attach = (subject: string, path: string, text: string) => send(subject, `/cases/${c.id}/${path}`, {}, { bytes: minimalPdf(text), name: `${text}.pdf` });
  const download = async (subject: string, id: string) => s.http().get(`/api/documents/${id}`).set(await as(subject)).buffer(true).parse(binary);
  const fieldsOf = (res: { body: { fieldErrors?: { field: string }[] } }) => (res.body.fieldErrors ?? []).map((f) => f.field);

  beforeAll(async () => {
    s = await startHttpStack();
    c = await caseAt(s, 'decided', { label: 'vr-besluit', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
  }, 180_000);
  afterAll(() => s?.stop());

  describe("the Flemish Government's decision", () => {
    it('is refused to anyone but the account manager or stand-in (403 saying who may)', async () => {
      for (const subject of ['handler2', 'assessor-a', 'approver', c.representative, 'auditor', 'admin']) {
        const res = await recordDecision(subject, { number: numberFor(today, '0123'), decidedOn: today });
        expect([subject, res.status]).toEqual([subject, 403]);
        // An auditor hears that auditors change nothing; everyone else who may instead.
        if (subject !== 'auditor') expect(res.body.message).toMatch(/accountmanager van dit dossier of de aangewezen vervanger .* \/ Only the case's account manager or their named stand-in/);
      }
    });

    it('refuses a number not in the government form, naming the field (nothing recorded)', async () => {
      for (const number of ['2027-123', 'VR 2027 DOC.0123', 'VR 2027 1503 DOC.0123 en nog wat tekst die te lang is', 'VR 27 1503 DOC.12']) {
        const res = await recordDecision('handler', { number, decidedOn: today });
        expect([number, res.status]).toEqual([number, 400]);
        expect(fieldsOf(res)).toContain('number');
        expect(res.body.fieldErrors.find((f: { field: string }) => f.field === 'number').messages[0]).toMatch(/^Het nummer van de beslissing .* \/ The decision number has the Flemish Government's form/);
      }
      expect((await get('auditor', `cases/${c.id}/government-decisions`)).body).toEqual([]);
    });

    it('refuses a date in the future, before the proposal, or not the one the number carries', async () => {
      const tomorrow = brusselsDate(addDays(new Date(), 1));
      const future = await recordDecision('handler', { number: numberFor(tomorrow, '0123'), decidedOn: tomorrow });
      expect(future.status).toBe(400);
      expect(future.body.fieldErrors).toEqual([{ field: 'decidedOn', messages: [expect.stringMatching(/niet in de toekomst.* \/ .*not in the future/)] }]);

      const early = await recordDecision('handler', { number: numberFor('2020-03-02', '0123'), decidedOn: '2020-03-02' });
      expect(early.status).toBe(400);
      expect(early.body.fieldErrors).toEqual([{ field: 'decidedOn', messages: [expect.stringMatching(/niet vóór het voorstel .* \/ .*not before the proposal/)] }]);

      const mismatch = await recordDecision('handler', { number: numberFor('2020-03-02', '0123'), decidedOn: today });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.fieldErrors).toEqual([{ field: 'number', messages: [expect.stringMatching(/draagt de datum van de vergadering .* \/ The number carries the meeting's date/)] }]);

      const impossible = await recordDecision('handler', { number: numberFor(today, '0123'), decidedOn: '2027-02-30' });
      expect(impossible.status).toBe(400);
      expect(fieldsOf(impossible)).toEqual(['decidedOn']);
    });

    it('needs the signed document, as a PDF', async () => {
      const none = await recordDecision('handler', { number: numberFor(today, '0123'), decidedOn: today }, null);
      expect(none.status).toBe(400);
      expect(fieldsOf(none)).toEqual(['file']);
      const docx = await send('handler', `/cases/${c.id}/government-decisions`, { number: numberFor(today, '0123'), decidedOn: today }, {
        bytes: Buffer.from('not a pdf'),
        name: 'besluit.exe',
        type: 'application/octet-stream',
      });
      expect(docx.status).toBe(415);
    });

    it('records number, date and the signed PDF; the download is those bytes, by SHA-256', async () => {
      const res = await recordDecision('handler', { number: ` vr ${today.slice(0, 4)}  ${today.slice(8, 10)}${today.slice(5, 7)} doc.0123 `, decidedOn: today });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        caseId: c.id,
        number: numberFor(today, '0123'),
        decidedOn: today,
        supersedesId: null,
        correctionReason: null,
        current: true,
        recordedBy: demoUser('handler').id,
        document: { ownerType: 'government_decision', fileName: 'Besluit VR – getekend.pdf', mediaType: 'application/pdf', sha256: sha256(signed), sizeBytes: signed.length },
      });
      firstRecordId = res.body.id;
      decisionDocument = res.body.document;
      const decisions = (await get('auditor', `cases/${c.id}/decisions`)).body.records.flatMap((r: { governmentDecision?: { decisionId: string; status: string } }) => (r.governmentDecision ? [r.governmentDecision] : []));
      expect(res.body.decisionId).toBe(decisions.find((d: { status: string }) => d.status === 'approved').decisionId);

      for (const reader of [c.representative, 'auditor', 'approver']) {
        const file = await download(reader, decisionDocument.id);
        expect(file.status).toBe(200);
        expect(file.headers['x-content-sha256']).toBe(sha256(signed));
        expect(sha256(file.body as Buffer)).toBe(sha256(signed));
      }
      expect((await download('council-ri', decisionDocument.id)).status).toBe(403);
    });

    it('is recorded once: a second record is a 409 pointing at the correction', async () => {
      const res = await recordDecision('handler', { number: numberFor(today, '0124'), decidedOn: today });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/al vastgelegd.* \/ .*already recorded; correct a mistake with a correction/);
    });

    it('is corrected by a new record that names the previous one and says why; the old one stays', async () => {
      const noReason = await recordDecision('handler', { number: numberFor(today, '0124'), decidedOn: today, supersedesId: firstRecordId }, null);
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason)).toEqual(['reason']);
      const unknown = await recordDecision('handler', { number: numberFor(today, '0124'), decidedOn: today, supersedesId: '00000000-0000-4000-8000-000000000000', reason: 'Tikfout in het volgnummer.' }, null);
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown)).toEqual(['supersedesId']);

      const res = await recordDecision('handler', { number: numberFor(today, '0124'), decidedOn: today, supersedesId: firstRecordId, reason: 'Tikfout in het volgnummer.' }, null);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ number: numberFor(today, '0124'), supersedesId: firstRecordId, correctionReason: 'Tikfout in het volgnummer.', document: { id: decisionDocument.id, sha256: decisionDocument.sha256 } });

      const again = await recordDecision('handler', { number: numberFor(today, '0125'), decidedOn: today, supersedesId: firstRecordId, reason: 'Nog een tikfout erin.' }, null);
      expect(again.status).toBe(409);

      const list = (await get(c.representative, `cases/${c.id}/government-decisions`)).body as { id: string; current: boolean; number: string }[];
      expect(list.map((r) => [r.id, r.current, r.number])).toEqual([
        [firstRecordId, false, numberFor(today, '0123')],
        [res.body.id, true, numberFor(today, '0124')],
      ]);
      const audit = (await get('auditor', `cases/${c.id}/audit?action=government_decision.&limit=10`)).body.items as { action: string; reason: string | null; documentHashes: string[] }[];
      expect(audit.map((e) => [e.action, e.reason, e.documentHashes])).toEqual(
        expect.arrayContaining([
          ['government_decision.recorded', null, [sha256(signed)]],
          ['government_decision.corrected', 'Tikfout in het volgnummer.', [sha256(signed)]],
        ]),
      );
    });
  });

  describe('documents of the trajectory, the agreement and the dialogue', () => {
    let milestoneId: string;
    const evidence = minimalPdf('bewijs-mijlpaal');

    it('takes milestone evidence from the cluster and the account manager while the trajectory runs', async () => {
      const dueDate = brusselsDate(addDays(new Date(), 60));
      const planned = await post('handler', `cases/${c.id}/trajectory`, { milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate }], pilot: false });
      expect(planned.status).toBe(200);
      milestoneId = planned.body[0].milestoneId;
      const res = await send(c.representative, `/cases/${c.id}/trajectory/milestones/${milestoneId}/documents`, { reason: 'Verslag van de pilootlijn' }, { bytes: evidence, name: 'bewijs.pdf' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ownerType: 'trajectory_milestone', ownerId: milestoneId, sha256: sha256(evidence) });
      expect((await attach('handler', `trajectory/milestones/${milestoneId}/documents`, 'foto-pilootlijn')).status).toBe(201);
      for (const subject of ['handler2', 'approver', 'auditor']) expect([subject, (await attach(subject, `trajectory/milestones/${milestoneId}/documents`, 'x')).status]).toEqual([subject, 403]);
      expect((await attach('handler', 'trajectory/milestones/00000000-0000-4000-8000-000000000000/documents', 'x')).status).toBe(404);
    });

    it('takes the signed agreement from the account manager and the signers the version names', async () => {
      expect((await post('handler', `cases/${c.id}/trajectory/milestones/${milestoneId}/evidence`, { evidence: 'Pilootlijn draait.' })).status).toBe(200);
      expect((await post('handler', `cases/${c.id}/trajectory/evaluation`, { outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.' })).status).toBe(200);
      // The trajectory's record is closed with its evaluation.
      await eventually(() => get('auditor', `cases/${c.id}`), (r) => r.body.stage === 'partnership_agreement');
      expect((await attach(c.representative, `trajectory/milestones/${milestoneId}/documents`, 'te-laat')).status).toBe(409);

      const content = agreementContent({ approverId: demoUser('approver').id, representativeId: await userId(s, c.representative), label: c.label });
      const drafted = await post('handler', `cases/${c.id}/agreement/versions`, content);
      expect(drafted.status).toBe(201);
      for (const subject of ['handler', 'approver', c.representative]) {
        const res = await attach(subject, 'agreement/versions/1/documents', `getekend-${subject}`);
        expect([subject, res.status, res.body.ownerType]).toEqual([subject, 201, 'agreement_version']);
      }
      for (const subject of ['handler2', 'assessor-a', 'auditor']) expect([subject, (await attach(subject, 'agreement/versions/1/documents', 'x')).status]).toEqual([subject, 403]);
      expect((await attach('handler', 'agreement/versions/9/documents', 'x')).status).toBe(404);

      const { sha256: hash } = drafted.body as { sha256: string };
      expect((await post('approver', `cases/${c.id}/agreement/signatures`, { sha256: hash, partyId: 'vlaamse-overheid' })).status).toBe(200);
      expect((await post(c.representative, `cases/${c.id}/agreement/signatures`, { sha256: hash, partyId: 'cluster' })).status).toBe(200);
      await eventually(() => get('auditor', `cases/${c.id}/dialogue`), (r) => r.body.cycles?.length === 1);
      // The copy with every signature comes after signing.
      expect((await attach(c.representative, 'agreement/versions/1/documents', 'volledig-getekend')).status).toBe(201);
    });

    it('takes dialogue report documents from the cluster until the outcome is recorded', async () => {
      const res = await attach(c.representative, 'dialogue/cycles/1/documents', 'voortgangsverslag');
      expect(res.status).toBe(201);
      expect(res.body.ownerType).toBe('dialogue_cycle');
      for (const subject of ['approver', 'handler2', 'auditor']) expect([subject, (await attach(subject, 'dialogue/cycles/1/documents', 'x')).status]).toEqual([subject, 403]);
      expect((await attach(c.representative, 'dialogue/cycles/7/documents', 'x')).status).toBe(404);
      expect((await post(c.representative, `cases/${c.id}/dialogue/cycles/1/report`, { milestoneProgress: 'Op schema.', portfolioProgress: 'Zes projecten lopen.' })).status).toBe(200);
      expect((await attach('handler', 'dialogue/cycles/1/documents', 'bijlage-na-verslag')).status).toBe(201);
      expect((await post('handler', `cases/${c.id}/dialogue/cycles/1/outcome`, { outcome: 'on_track', actions: [] })).status).toBe(200);
      expect((await attach(c.representative, 'dialogue/cycles/1/documents', 'te-laat')).status).toBe(409);
    });

    it("lists every document of the case with its kind, owner and SHA-256, and the case page's permissions name the uploads", async () => {
      const list = (await get(c.representative, `cases/${c.id}/documents`)).body as { ownerType: string; sha256: string }[];
      const kinds = list.map((d) => d.ownerType);
      for (const kind of ['roadmap_version', 'government_decision', 'trajectory_milestone', 'agreement_version', 'dialogue_cycle']) expect(kinds).toContain(kind);
      expect(list.find((d) => d.ownerType === 'trajectory_milestone')!.sha256).toBe(sha256(evidence));

      const may = async (subject: string) =>
        Object.fromEntries(((await get(subject, `cases/${c.id}/permissions`)).body.actions as { action: string; allowed: boolean; allowedInStage: boolean }[]).map((a) => [a.action, [a.allowed, a.allowedInStage]]));
      expect((await may(c.representative))).toMatchObject({ attachAgreementDocument: [true, true], attachDialogueDocument: [true, true], attachMilestoneDocument: [true, false], recordGovernmentDecision: [false, true] });
      expect((await may('handler'))).toMatchObject({ recordGovernmentDecision: [true, true], attachAgreementDocument: [true, true] });
      expect((await may('handler2'))).toMatchObject({ recordGovernmentDecision: [false, true], attachAgreementDocument: [false, true], attachDialogueDocument: [false, true] });
    });

    it('puts every document and the government decision records in the evidence bundle by SHA-256', async () => {
      const res = await s.http().get(`/api/cases/${c.id}/audit/export`).set(await as('auditor')).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const lines = (res.body as Buffer).toString('utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l));
      const documents = lines.filter((l) => l.type === 'document');
      const listed = (await get('auditor', `cases/${c.id}/documents`)).body as { id: string; sha256: string; ownerType: string }[];
      for (const d of listed) expect(documents).toContainEqual(expect.objectContaining({ kind: 'attachment', id: d.id, sha256: d.sha256, ownerType: d.ownerType }));
      const records = documents.filter((d) => d.kind === 'government_decision');
      expect(records.map((r) => [r.id, r.sha256, r.number, r.supersedesId])).toEqual([
        [firstRecordId, sha256(signed), numberFor(today, '0123'), null],
        [expect.any(String), sha256(signed), numberFor(today, '0124'), firstRecordId],
      ]);
      // The chain the records and attachments extended is intact and reaches the head the workflow keeps.
      await eventually(() => get('auditor', `cases/${c.id}/audit/verify`), (r) => r.body.ok === true && r.body.keptHead?.seq === r.body.headSeq);
    });
  });
});

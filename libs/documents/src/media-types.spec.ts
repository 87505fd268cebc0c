import { checkMediaType, normaliseMediaType } from './media-types';
import { docx, exe, odt, ole, pdf, xlsx, zip } from './sample-documents.spec-helper';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

describe('checkMediaType', () => {
  it.each([
    ['application/pdf', 'roadmap.pdf', pdf()],
    ['Application/PDF; charset=binary', 'roadmap.pdf', pdf()],
    [DOCX, 'roadmap.docx', docx()],
    [XLSX, 'budget.xlsx', xlsx()],
    [ODT, 'roadmap.odt', odt()],
    ['application/msword', 'oud.doc', ole('WordDocument')],
    ['application/vnd.ms-excel', 'oud.xls', ole('Workbook')],
    ['application/vnd.ms-powerpoint', 'oud.ppt', ole('PowerPoint Document')],
  ])('accepts %s whose content matches', (declared, name, content) => {
    expect(checkMediaType(declared, name, content)).toEqual({ ok: true, mediaType: normaliseMediaType(declared) });
  });

  it('resolves a generic declared type by the extension, and still checks the content', () => {
    expect(checkMediaType('application/octet-stream', 'Roadmap.PDF', pdf())).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkMediaType('', 'plan.docx', docx())).toEqual({ ok: true, mediaType: DOCX });
    expect(checkMediaType('application/octet-stream', 'plan.docx', exe())).toMatchObject({ ok: false });
    expect(checkMediaType('application/octet-stream', 'setup.exe', exe())).toMatchObject({ ok: false, reason: expect.stringContaining('setup.exe') });
  });

  it('refuses types outside the allow-list', () => {
    for (const declared of ['text/plain', 'application/x-msdownload', 'image/png', 'application/zip', 'text/html']) {
      expect(checkMediaType(declared, 'x', Buffer.from('hello'))).toMatchObject({ ok: false, reason: expect.stringContaining(declared) });
    }
  });

  it('refuses a renamed executable or archive whatever it is labelled', () => {
    expect(checkMediaType('application/pdf', 'roadmap.pdf', exe())).toMatchObject({ ok: false, reason: expect.stringMatching(/not a PDF/) });
    expect(checkMediaType(DOCX, 'roadmap.docx', exe())).toMatchObject({ ok: false });
    expect(checkMediaType(DOCX, 'roadmap.docx', zip([['payload.exe', 'MZ']]))).toMatchObject({ ok: false });
    expect(checkMediaType('application/msword', 'setup.doc', ole('\u0005SummaryInformation'))).toMatchObject({ ok: false });
  });

  it('tells the formats inside a container apart', () => {
    expect(checkMediaType(XLSX, 'x.xlsx', docx())).toMatchObject({ ok: false });
    expect(checkMediaType(ODS, 'x.ods', odt())).toMatchObject({ ok: false });
    expect(checkMediaType('application/vnd.ms-excel', 'x.xls', ole('WordDocument'))).toMatchObject({ ok: false });
  });

  it('refuses content too short to carry a signature', () => {
    expect(checkMediaType('application/pdf', 'x.pdf', Buffer.from('%PD'))).toMatchObject({ ok: false });
  });
});

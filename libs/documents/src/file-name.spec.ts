import { attachmentDisposition, safeFileName } from './file-name';

describe('safeFileName', () => {
  it('keeps an ordinary name, in NFC', () => {
    expect(safeFileName('Roadmap 2035 – België.pdf')).toBe('Roadmap 2035 – België.pdf');
    expect(safeFileName('Belgie\u0308.pdf')).toBe('België.pdf');
  });

  it('drops paths, control characters and bidirectional overrides', () => {
    expect(safeFileName('C:\\Users\\x\\..\\plan.docx')).toBe('plan.docx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('rapport\u202Efdp.exe')).toBe('rapportfdp.exe');
    expect(safeFileName('a\r\nb.pdf')).toBe('ab.pdf');
    expect(safeFileName('..')).toBe('document');
    expect(safeFileName('   ')).toBe('document');
  });

  it('shortens long names to 255 characters and keeps the extension', () => {
    const name = safeFileName(`${'é'.repeat(300)}.docx`);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('é.docx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Roadmap – België "v2".pdf')).toBe(
      `attachment; filename="Roadmap _ Belgie _v2_.pdf"; filename*=UTF-8''Roadmap%20%E2%80%93%20Belgi%C3%AB%20%22v2%22.pdf`,
    );
  });

  it('cannot be broken out of by the name', () => {
    const header = attachmentDisposition('x"; filename="evil.exe\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});

import { decode, decodeWithInfo } from '../../src/sources/feed';

const cp1251 = Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]); // "Новости" in windows-1251
const koi8 = Buffer.from([0xee, 0xcf, 0xd7, 0xcf, 0xd3, 0xd4, 0xc9]); // "Новости" in KOI8-R

const xml = (encoding: string, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${encoding}"?><t>`), body, Buffer.from('</t>')]);

describe('decode', () => {
  it('honours a BOM above everything else', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>é</t>', 'utf16le')]);
    expect(decodeWithInfo(utf16, 'text/xml; charset=iso-8859-1')).toMatchObject({ text: '<t>é</t>', encoding: 'utf-16le', from: 'bom' });
    expect(decode(Buffer.from('\ufeff<t>ß</t>'))).toBe('<t>ß</t>');
  });

  it('uses the Content-Type charset, then the XML prolog', () => {
    expect(decode(Buffer.concat([Buffer.from('<t>'), cp1251, Buffer.from('</t>')]), 'text/xml; charset="windows-1251"')).toBe('<t>Новости</t>');
    expect(decode(xml('KOI8-R', koi8))).toContain('<t>Новости</t>');
    expect(decode(xml('windows-1251', cp1251))).toContain('<t>Новости</t>');
  });

  it('believes the document over a server that labels everything utf-8', () => {
    const r = decodeWithInfo(xml('windows-1251', cp1251), 'application/rss+xml; charset=utf-8');
    expect(r).toMatchObject({ encoding: 'windows-1251', from: 'prolog' });
    expect(r.text).toContain('Новости');
  });

  it('maps windows-1252 bytes 0x80–0x9F to their characters (Node decodes them as C1 controls)', () => {
    expect(decode(Buffer.from([0x80, 0x20, 0x93, 0x71, 0x94]), 'text/plain; charset=iso-8859-1')).toBe('€ “q”');
  });

  it('replaces invalid UTF-8 rather than throwing, but reads an undeclared Latin-1 document as Latin-1', () => {
    const mostlyUtf8 = Buffer.concat([Buffer.from('<t>naïve café '), Buffer.from([0xff]), Buffer.from('</t>')]);
    expect(decode(mostlyUtf8)).toBe('<t>naïve café \uFFFD</t>');
    expect(decodeWithInfo(Buffer.from([0x3c, 0x74, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x3c]))).toMatchObject({ text: '<t>café<', encoding: 'windows-1252' });
  });

  it('skips an unknown charset label instead of failing', () => {
    expect(decode(Buffer.from('<t>ok</t>'), 'text/xml; charset=x-nonsense')).toBe('<t>ok</t>');
  });
});

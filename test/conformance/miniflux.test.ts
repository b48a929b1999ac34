import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode, parseDateMs } from '../../src/sources/feed';
import { describeSuite, read } from './support';

interface DateCase {
  input: string;
  expect?: string;
  expect_unix?: number;
}

/** What each charset file must decode to: a script that only a right decoding yields. */
const SCRIPTS: [string, RegExp][] = [
  ['parser/testdata/encoding_WINDOWS-1251.xml', /[А-яЁё]{4,}/],
  ['xml/testdata/koi8r.xml', /[А-яЁё]{4,}/],
  ['encoding/testdata/koi8r.xml', /[А-яЁё]{4,}/],
  ['parser/testdata/encoding_ISO-8859-1.xml', /[Üü]/],
  ['parser/testdata/no_encoding_ISO-8859-1.xml', /[éèêà]/],
  ['xml/testdata/iso88591.xml', /[ïü]/],
  ['xml/testdata/iso88591_utf8_mismatch.xml', /[ïü]/],
  ['encoding/testdata/iso-8859-1.xml', /é/],
  ['encoding/testdata/iso-8859-1.html', /é/],
  ['encoding/testdata/iso-8859-1-meta-after-1024.html', /é/],
  ['encoding/testdata/windows-1252.xml', /€/],
  ['encoding/testdata/windows-1252-incorrect-prolog.xml', /€/],
  ['encoding/testdata/utf8.xml', /[\uAC00-\uD7AF]{3}/],
  ['encoding/testdata/utf8-incorrect-prolog.xml', /[\uAC00-\uD7AF]{3}/],
  ['encoding/testdata/invalid-prolog.xml', /[\uAC00-\uD7AF]{3}/],
  ['encoding/testdata/utf8.html', /é/],
  ['encoding/testdata/utf8-meta-after-1024.html', /é/],
  ['parser/testdata/urdu_UTF8.xml', /[\u0600-\u06FF]{4}/],
  ['parser/testdata/rdf_UTF8.xml', /[ßöü]/],
];

describeSuite('miniflux conformance', 'miniflux', (dir) => {
  it('parses every listed real-world date (exact instants where given, errors where expected)', () => {
    const cases = JSON.parse(readFileSync(path.join(dir, 'dates_from_internal_reader_date_parser_test.json'), 'utf8')) as DateCase[];
    const wrong: string[] = [];
    for (const c of cases) {
      const got = parseDateMs(c.input);
      const shown = `${JSON.stringify(c.input)} → ${got === undefined ? 'nothing' : new Date(got).toISOString()}`;
      if (c.expect === 'error') {
        if (got !== undefined) wrong.push(`${shown} (expected an error)`);
      } else if (c.expect_unix !== undefined) {
        if (got !== c.expect_unix * 1000) wrong.push(`${shown} (expected ${new Date(c.expect_unix * 1000).toISOString()})`);
      } else if (c.expect?.includes('out-of-range offset')) {
        // The offset is impossible, so the wall time is read as UTC.
        if (got !== Date.parse(`${c.input.slice(0, 19).replace(' ', 'T')}Z`)) wrong.push(shown);
      } else if (got === undefined) wrong.push(shown);
    }
    console.log(`miniflux dates: ${cases.length - wrong.length}/${cases.length} as expected`);
    expect(wrong).toEqual([]);
  });

  it('decodes every charset file to its script, with no replacement characters', () => {
    const wrong: string[] = [];
    for (const [file, script] of SCRIPTS) {
      const text = decode(readFileSync(path.join(dir, 'internal/reader', file)));
      if (!script.test(text) || text.includes('\uFFFD') || /[\u0080-\u009F]/.test(text)) wrong.push(file);
    }
    console.log(`miniflux charsets: ${SCRIPTS.length - wrong.length}/${SCRIPTS.length} decoded right`);
    expect(wrong).toEqual([]);
  });

  it('reads its feeds into items', async () => {
    const failed: string[] = [];
    const feeds = ['encoding_ISO-8859-1.xml', 'encoding_WINDOWS-1251.xml', 'no_encoding_ISO-8859-1.xml', 'rdf_UTF8.xml', 'urdu_UTF8.xml', 'small_atom.xml', 'large_atom.xml', 'large_rss.xml'];
    for (const f of feeds) {
      const out = await read(readFileSync(path.join(dir, 'internal/reader/parser/testdata', f)));
      if (!out.ok || out.reading.items.length === 0 || out.reading.items.some((i) => i.title.includes('\uFFFD'))) {
        failed.push(`${f}: ${out.ok ? `${out.reading.items.length} items` : out.error}`);
      }
    }
    expect(failed).toEqual([]);
  });
});

import { canonicalUrl, itemId, languageCode, normaliseItem, plainText } from '../../src/sources/feed';

describe('normalising items', () => {
  it('canonicalises URLs: lowercase host, no fragment, no utm_*', () => {
    expect(canonicalUrl('https://EXAMPLE.org/A/b?utm_source=x&id=3&UTM_medium=y#frag')).toBe('https://example.org/A/b?id=3');
    expect(canonicalUrl('/rel', 'https://example.org/feed/')).toBe('https://example.org/rel');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
  });

  it('takes the id from GUID, then URL, then a content hash', () => {
    expect(itemId(' g-1 ', 'https://x.org/1', 't', 's')).toBe('g-1');
    expect(itemId(undefined, 'https://x.org/1', 't', 's')).toBe('https://x.org/1');
    expect(itemId(undefined, undefined, 't', 's')).not.toBe(itemId(undefined, undefined, 't', 's2'));
  });

  it('turns markup into plain text, decoding double-escaped entities and dropping scripts', () => {
    expect(plainText('<p>Gunmen&nbsp;opened <b>fire</b></p><script>alert(1)</script>\n\n at   noon', 100)).toBe('Gunmen opened fire at noon');
    expect(plainText('&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;amp; more', 100)).toBe('bold & more');
    expect(plainText('word '.repeat(100), 50)).toMatch(/^(word ){8}word…$/);
  });

  it('reads language tags as ISO 639-1 and prefers the item, then the feed, then the hint', () => {
    expect(languageCode('en-US')).toBe('en');
    expect(languageCode('English')).toBeUndefined();
    const raw = { title: 't', dates: [] };
    expect(normaliseItem(raw, { sourceId: 's', feedLanguage: 'fr-FR', languageHint: 'de' }).language).toBe('fr');
    expect(normaliseItem(raw, { sourceId: 's', languageHint: 'de' }).language).toBe('de');
    expect(normaliseItem({ ...raw, language: 'ru' }, { sourceId: 's', feedLanguage: 'fr' }).language).toBe('ru');
  });

  it('falls back to a later date when the first cannot be read, and to a permalink GUID for the URL', () => {
    const item = normaliseItem({ guid: 'https://x.org/p/1', dates: ['garbage', '2024-05-01T10:00:00Z'] }, { sourceId: 's' });
    expect(item).toMatchObject({ id: 'https://x.org/p/1', url: 'https://x.org/p/1', published: '2024-05-01T10:00:00.000Z' });
  });
});

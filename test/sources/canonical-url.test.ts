import { canonicalUrl } from '../../src/sources/feed';

/** Links that look canonical skip `new URL`; these are the look-alikes the full parse must still rewrite. */
describe('canonicalUrl shortcut for links already in canonical form', () => {
  it('returns a plain lowercase https link as it is', () => {
    expect(canonicalUrl('https://news.example/2026/11/story-1_a~b.html')).toBe('https://news.example/2026/11/story-1_a~b.html');
  });

  it.each([
    ['http://1.2.3/x', 'http://1.2.0.3/x'],
    ['http://0x7f.1/', 'http://127.0.0.1/'],
    ['https://news.example/a/../b', 'https://news.example/b'],
    ['https://news.example/a/./b', 'https://news.example/a/b'],
    ['https://News.Example/A', 'https://news.example/A'],
    ['https://news.example:443/a', 'https://news.example/a'],
    ['https://news.example', 'https://news.example/'],
    ['https://news.example/a?utm_source=x', 'https://news.example/a'],
    ['https://news.example/caf%C3%A9', 'https://news.example/caf%C3%A9'],
    ['https://news.example/café', 'https://news.example/caf%C3%A9'],
  ])('%s → %s', (raw, canonical) => {
    expect(canonicalUrl(raw)).toBe(canonical);
  });

  it('refuses what the full parse refuses, shortcut or not', () => {
    expect(canonicalUrl('https://xn--a.example/x')).toBe(canonicalUrl(' https://xn--a.example/x'));
  });
});

import { toDiscordReply } from '../../src/chat/discord';
import { toSlackReply } from '../../src/chat/slack';
import type { CommandReply } from '../../src/commands';

const long = (n: number): CommandReply => ({
  ok: true,
  ephemeral: false,
  title: 'Incidents',
  lines: Array.from({ length: n }, (_, i) => `${i} ${'x'.repeat(200)} https://example.test/a_b_${i}`),
});

describe('toDiscordReply', () => {
  it('escapes markdown in feed text but leaves URLs whole', () => {
    const r = toDiscordReply({ ok: true, ephemeral: false, title: '**Loud** title', lines: ['a *b* _c_ `d` https://example.test/x_y_z'] });
    expect(r.embeds[0]!.title).toBe('\\*\\*Loud\\*\\* title');
    expect(r.embeds[0]!.description).toBe('a \\*b\\* \\_c\\_ \\`d\\` https://example.test/x_y_z');
    expect(r.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps the description within 4096 characters, cutting between lines', () => {
    const d = toDiscordReply(long(100)).embeds[0]!.description!;
    expect(d.length).toBeLessThanOrEqual(4096);
    expect(d.endsWith('\n…')).toBe(true);
    // The last full line before the cut still ends with its whole URL.
    expect(d.split('\n').at(-2)).toMatch(/https:\/\/example\.test\/a_b_\d+$/);
  });
});

describe('toSlackReply', () => {
  it('packs lines into sections of at most 3000 characters and at most 50 blocks', () => {
    const r = toSlackReply(long(1000));
    expect(r.blocks.length).toBeLessThanOrEqual(50);
    for (const b of r.blocks) expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(3000);
    expect(r.response_type).toBe('in_channel');
  });

  it('escapes &, < and > in title, lines and fields, and marks errors ephemeral', () => {
    const r = toSlackReply({ ok: false, ephemeral: true, title: '<@U1>', lines: ['<!here> & more'], fields: [{ name: '<b>', value: '>x' }] });
    expect(JSON.stringify(r)).not.toMatch(/<|>/);
    expect(r.text).toBe('&lt;@U1&gt;');
    expect(r.response_type).toBe('ephemeral');
  });
});

import { toConsoleText, toDiscordMessage, toDiscordReply, toSlackMessage, toSlackReply, DISCORD_LIMITS } from '../../src/format';
import type { AlertMessage } from '../../src/format';

const hostile = 'Hi @everyone and @here <@123456> <@!42> <@&789> <#555> </cmd:1> <!channel> <!here> & **bold** [x](http://evil.example) `code`';

function message(over: Partial<AlertMessage> = {}): AlertMessage {
  return {
    kind: 'attack',
    severity: 'high',
    title: `Attack — ${hostile}`,
    body: hostile,
    fields: [{ name: hostile, value: hostile }],
    url: 'https://example.org/report?a=1&b=2',
    footer: hostile,
    timestamp: '2024-03-22T19:20:00Z',
    ...over,
  };
}

describe('toDiscordMessage', () => {
  const out = toDiscordMessage(message());
  const json = JSON.stringify(out);
  const embed = out.embeds[0]!;

  it('never allows a mention and breaks every mention syntax', () => {
    expect(out.allowed_mentions).toEqual({ parse: [] });
    for (const raw of ['@everyone', '@here', '<@123456>', '<@!42>', '<@&789>', '<#555>', '</cmd:1>']) expect(json).not.toContain(raw);
    expect(embed.description).toContain('@\u200beveryone');
    expect(embed.description).toContain('<\u200b@&789>');
    expect(embed.footer?.text).toContain('<\u200b#555>');
  });

  it('escapes markdown in feed text but not in the footer', () => {
    expect(embed.description).toContain('\\*\\*bold\\*\\*');
    expect(embed.description).toContain('\\[x\\](http://evil.example)');
    expect(embed.description).toContain('\\`code\\`');
    expect(embed.fields[0]!.name).toContain('\\*\\*bold');
    expect(embed.footer?.text).toContain('**bold**');
  });

  it('keeps a valid link and timestamp, colours by severity, drops a non-http link', () => {
    expect(embed.url).toBe('https://example.org/report?a=1&b=2');
    expect(embed.timestamp).toBe('2024-03-22T19:20:00.000Z');
    expect(toDiscordMessage(message({ severity: 'critical' })).embeds[0]!.color).not.toBe(embed.color);
    expect(toDiscordMessage(message({ url: 'javascript:alert(1)' })).embeds[0]!.url).toBeUndefined();
  });

  it('respects every embed limit, including the 6000 total', () => {
    const big = toDiscordMessage(message({
      title: 'T'.repeat(1000),
      body: 'B'.repeat(10000),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `N${i}`.repeat(200), value: 'V'.repeat(3000) })),
      footer: 'F'.repeat(5000),
    })).embeds[0]!;
    const L = DISCORD_LIMITS;
    expect(big.title.length).toBeLessThanOrEqual(L.title);
    expect(big.title.endsWith('…')).toBe(true);
    expect(big.fields.length).toBeLessThanOrEqual(L.fields);
    for (const f of big.fields) {
      expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
    }
    const total = big.title.length + (big.description?.length ?? 0) + (big.footer?.text.length ?? 0)
      + big.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(L.total);
  });

  it('never splits an emoji when cutting', () => {
    const t = toDiscordMessage(message({ title: '🇬🇧'.repeat(200) })).embeds[0]!.title;
    expect(t.length).toBeLessThanOrEqual(256);
    expect(t).toMatch(/^(\u{1F1EC}\u{1F1E7})*\u{1F1EC}?…$/u);
  });

  it('makes a reply that cannot ping either', () => {
    const r = toDiscordReply('Death toll now 137 @everyone');
    expect(r).toEqual({ content: 'Death toll now 137 @\u200beveryone', allowed_mentions: { parse: [] } });
  });
});

describe('toSlackMessage', () => {
  const out = toSlackMessage(message());
  const json = JSON.stringify(out);

  it('escapes &, < and > in every piece of feed text', () => {
    expect(json).not.toMatch(/<!channel>|<!here>|<@123456>|<#555>/);
    expect(out.text).toContain('&lt;!channel&gt; &lt;!here&gt; &amp; \u2217\u2217bold\u2217\u2217');
    for (const b of out.blocks) expect(JSON.stringify(b)).toContain('&lt;@123456&gt;');
  });

  it('builds header, section with the source link, fields and context', () => {
    expect(out.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    const section = out.blocks[1] as { text: { text: string } };
    expect(section.text.text.endsWith('<https://example.org/report?a=1&amp;b=2|Source>')).toBe(true);
  });

  it('respects Block Kit limits without cutting an entity in half', () => {
    const big = toSlackMessage(message({
      title: '&'.repeat(500),
      body: '<'.repeat(5000),
      fields: Array.from({ length: 15 }, () => ({ name: 'n', value: '>'.repeat(3000) })),
      footer: 'f',
    }));
    const header = big.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text).toMatch(/^\S+ (&amp;)+…$/u);
    const section = big.blocks[1] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    const fields = (big.blocks[2] as { fields: { text: string }[] }).fields;
    expect(fields).toHaveLength(10);
    for (const f of fields) expect(f.text.length).toBeLessThanOrEqual(2000);
  });

  it('escapes replies', () => {
    expect(toSlackReply('now <!channel>')).toEqual({ text: 'now &lt;!channel&gt;' });
  });
});

describe('toConsoleText', () => {
  it('prints title, body, fields, link and footer, without terminal escapes', () => {
    const text = toConsoleText(message({ title: 'Attack \u001b[31mred', body: 'line one\nline two', fields: [{ name: 'Sources', value: '3' }], footer: '3 sources' }));
    expect(text.split('\n')).toEqual([
      '[HIGH] Attack [31mred',
      '  line one',
      '  line two',
      '  Sources: 3',
      '  https://example.org/report?a=1&b=2',
      '  3 sources',
    ]);
  });
});

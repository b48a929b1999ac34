import { escapeDiscord, escapeSlack, escapeSlackPlain, toDiscordMessage, toSlackMessage, type AlertMessage } from '../../src/format';
import { toDiscordReply } from '../../src/chat/discord';
import { toSlackReply } from '../../src/chat/slack';

/** Feed text that would format or ping if it reached a platform as typed. */
const HOSTILE = '*bold* _x_ ~x~ `x` <!channel> @everyone ||spoiler|| [a](https://evil.example)';
const SLACK_MARKERS = /[*_~`]/;

const alert = (text: string): AlertMessage => ({
  kind: 'attack', severity: 'high', title: text, body: `${text}\n> quoted`, fields: [{ name: 'Place', value: text }], footer: text,
});

/** Every mrkdwn text of a Slack payload, with our own `*name*` field markers removed. */
function slackMrkdwn(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text.replace(/^\*([^*\n]*)\*(\n|$)/, '$1$2'));
      Object.values(o).forEach(walk);
    }
  };
  walk(payload);
  return out;
}

describe('escapeSlack (mrkdwn)', () => {
  it('turns every formatting marker into a look-alike Slack never formats', () => {
    const out = escapeSlack('*bold* _x_ ~x~ `x`');
    expect(out).toBe('\u2217bold\u2217 \u02cdx\u02cd \u223cx\u223c \u02cbx\u02cb');
    expect(out).not.toMatch(SLACK_MARKERS);
  });

  it('escapes &, < and > so <!channel> is inert, and defuses a quote at a line start', () => {
    expect(escapeSlack('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(escapeSlack('a\n> quoted')).toBe('a\n\u00ad&gt; quoted');
    expect(escapeSlack('a > b')).toBe('a &gt; b');
  });

  it('leaves links whole (Slack does not format inside them) but still escapes &', () => {
    expect(escapeSlack('see https://ex.example/a_b_c?x=1&y=*2* now_ok')).toBe('see https://ex.example/a_b_c?x=1&amp;y=*2* now\u02cdok');
  });

  it('plain_text (headers) only needs the entities', () => {
    expect(escapeSlackPlain('*b* <!here>')).toBe('*b* &lt;!here&gt;');
  });
});

describe('escapeDiscord', () => {
  it('backslash-escapes every markdown marker and breaks mentions', () => {
    const out = escapeDiscord(HOSTILE);
    expect(out).toContain('\\*bold\\* \\_x\\_ \\~x\\~ \\`x\\`');
    expect(out).toContain('\\|\\|spoiler\\|\\|');
    expect(out).toContain('\\[a\\](https://evil.example)');
    expect(out).toContain('@\u200beveryone');
    expect(escapeDiscord('> quote\n# head')).toBe('\\> quote\n\\# head');
  });

  it('leaves a bare link whole', () => {
    expect(escapeDiscord('https://ex.example/a_b_c *x*')).toBe('https://ex.example/a_b_c \\*x\\*');
  });
});

describe('one escaping path for alerts and command replies', () => {
  it('Slack: the alert and the reply carry no live marker, mention or quote', () => {
    const reply = toSlackReply({ ok: true, ephemeral: false, title: HOSTILE, lines: [HOSTILE, '> quoted'], fields: [{ name: 'Place', value: HOSTILE }] });
    for (const payload of [toSlackMessage(alert(HOSTILE)), reply]) {
      const texts = slackMrkdwn(payload);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) {
        expect(t.replace(/<https:\/\/[^|>]+\|Source>/, '').replace(/https:\/\/\S+/g, '')).not.toMatch(SLACK_MARKERS);
        expect(t).not.toMatch(/<!|^>|\n>/);
      }
      expect(JSON.stringify(payload)).toContain('\u2217bold\u2217');
    }
    // The reply's title is the same text the alert escaper makes.
    expect(reply.text).toBe(escapeSlack(HOSTILE));
  });

  it('Discord: the alert and the reply escape alike and never ping', () => {
    const alertEmbed = toDiscordMessage(alert(HOSTILE));
    const reply = toDiscordReply({ ok: true, ephemeral: false, title: HOSTILE, lines: [HOSTILE], fields: [{ name: 'Place', value: HOSTILE }] });
    expect(reply.embeds[0]!.title).toBe(alertEmbed.embeds[0]!.title);
    expect(reply.embeds[0]!.fields![0]!.value).toBe(alertEmbed.embeds[0]!.fields[0]!.value);
    for (const payload of [alertEmbed, reply]) {
      expect(payload.allowed_mentions).toEqual({ parse: [] });
      // `<!channel>` is Slack syntax: Discord shows it as text.
      expect(JSON.stringify(payload)).not.toMatch(/@everyone/);
    }
  });
});

import { findCommand, parseCommandText } from '../../src/commands';

const parse = (text: string) => parseCommandText(text, (name) => findCommand(name)?.positional);

describe('parseCommandText', () => {
  it('maps bare words to positionals by pattern', () => {
    expect(parse('status FR')).toEqual({ subcommand: 'status', args: { country: 'FR' } });
    expect(parse('recent 48')).toEqual({ subcommand: 'recent', args: { hours: '48' } });
    expect(parse('RECENT fr 48')).toEqual({ subcommand: 'recent', args: { country: 'fr', hours: '48' } });
    expect(parse('recent 48 FR')).toEqual({ subcommand: 'recent', args: { country: 'FR', hours: '48' } });
  });

  it('reads key=value and key:value, forgiving spaces after commas and underscores', () => {
    expect(parse('subscribe countries=FR, GB kinds:attack min_severity=high languages=en,fr')).toEqual({
      subcommand: 'subscribe',
      args: { countries: 'FR,GB', kinds: 'attack', 'min-severity': 'high', languages: 'en,fr' },
    });
  });

  it('defaults to help and reports what it cannot read', () => {
    expect(parse('')).toEqual({ subcommand: 'help', args: {} });
    expect(parse('status FR GB')).toEqual({ subcommand: 'status', error: '"GB" is not understood here' });
    expect(parse('subscribe countries=')).toEqual({ subcommand: 'subscribe', error: '"countries=" has no value: write countries=…' });
    expect(parse('subscribe kinds=attack kinds=alert_level')).toEqual({ subcommand: 'subscribe', error: 'kinds is given twice' });
  });
});

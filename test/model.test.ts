import { parseChannelKey, severityRank, maxSeverity } from '../src/model';

describe('model', () => {
  it('parses channel keys and refuses bad ones', () => {
    expect(parseChannelKey('discord:123')).toEqual({ platform: 'discord', id: '123' });
    expect(parseChannelKey('console:stdout')).toEqual({ platform: 'console', id: 'stdout' });
    expect(parseChannelKey('irc:#x')).toHaveProperty('error');
    expect(parseChannelKey('discord:')).toHaveProperty('error');
  });
  it('orders severities', () => {
    expect(severityRank('critical')).toBeGreaterThan(severityRank('high'));
    expect(maxSeverity('low', 'high')).toBe('high');
  });
});

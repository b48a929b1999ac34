import { assertUsableResponse } from '../../src/sources/levels/response-guard';
import { LevelSourceError } from '../../src/sources/levels';
import { doc, own } from './helpers';

function reason(body: string, status: number, kind: 'xml' | 'json' | 'html'): string {
  try {
    assertUsableResponse(doc(body, status), kind);
  } catch (e) {
    expect(e).toBeInstanceOf(LevelSourceError);
    return (e as Error).message;
  }
  throw new Error('expected a LevelSourceError');
}

describe('assertUsableResponse', () => {
  it.each([200, 403, 503])('names a challenge page whatever the status (%i)', (status) => {
    expect(reason(own('challenge-just-a-moment.html'), status, 'xml')).toBe(`Cloudflare challenge page ("Just a moment...") (HTTP ${status})`);
    expect(reason(own('challenge-attention-required.html'), status, 'html')).toMatch(/Attention Required/);
  });

  it('names the status of other failures', () => {
    expect(reason('<rss></rss>', 404, 'xml')).toBe('HTTP 404');
    expect(reason('{"ok":true}', 500, 'json')).toBe('HTTP 500');
  });

  it('rejects maintenance pages by their title, HTML where XML or JSON was expected, and empty bodies', () => {
    expect(reason(own('maintenance.html'), 200, 'html')).toMatch(/maintenance/);
    expect(reason(own('nl-nctv-page.html'), 200, 'xml')).toBe('HTML page where XML was expected');
    expect(reason(own('nl-nctv-page.html'), 200, 'json')).toBe('HTML page where JSON was expected');
    expect(reason('  \n', 200, 'xml')).toBe('empty body');
  });

  it('lets a real page that merely mentions maintenance through', () => {
    const page = '<html><head><title>Vigipirate</title></head><body><p>La maintenance des sites sensibles.</p></body></html>';
    expect(assertUsableResponse(doc(page), 'html')).toBe(page);
  });
});

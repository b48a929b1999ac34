import type { FetchedDoc } from './adapter';
import { LevelSourceError } from './adapter';

/** What an adapter expects the body to be. */
export type BodyKind = 'xml' | 'json' | 'html';

// Cloudflare's interstitials, served with 200 or 403 at the feed's own URL.
const CHALLENGE_MARKERS: Array<[RegExp, string]> = [
  [/<title>\s*Just a moment\.\.\./i, 'Cloudflare challenge page ("Just a moment...")'],
  [/<title>\s*Attention Required!?/i, 'Cloudflare block page ("Attention Required")'],
  [/_cf_chl_opt|\bcf-chl|__cf_chl_|\/cdn-cgi\/challenge-platform\//i, 'Cloudflare challenge page'],
  [/<title>[^<]*(?:captcha|bot verification|access denied)[^<]*<\/title>/i, 'bot-protection page'],
];

const MAINTENANCE = /under maintenance|maintenance mode|en (?:cours de )?maintenance|in onderhoud|wartungsarbeiten|temporarily unavailable/i;

/**
 * Throws LevelSourceError when the response is not the document the adapter expects:
 * an error status, a bot challenge, a CDN error body, a maintenance page, or HTML where
 * XML/JSON was expected. Returns the body otherwise.
 */
export function assertUsableResponse(doc: FetchedDoc, expected: BodyKind): string {
  const body = doc.body ?? '';
  const head = body.slice(0, 20_000);
  const status = `HTTP ${doc.status}`;
  for (const [marker, reason] of CHALLENGE_MARKERS) {
    if (marker.test(head)) throw new LevelSourceError(`${reason} (${status})`);
  }
  const cdnError = /^\s*error code:\s*(\d+)\s*$/i.exec(body.slice(0, 200));
  if (cdnError) throw new LevelSourceError(`Cloudflare error code ${cdnError[1]} (${status})`);
  if (doc.status < 200 || doc.status > 299) throw new LevelSourceError(status);
  if (isMaintenancePage(head)) throw new LevelSourceError('maintenance page instead of the document');
  if (body.trim() === '') throw new LevelSourceError('empty body');
  if (expected !== 'html' && looksLikeHtml(head)) {
    throw new LevelSourceError(`HTML page where ${expected.toUpperCase()} was expected`);
  }
  if (expected === 'json' && !/^\s*[[{]/.test(head)) throw new LevelSourceError('body is not JSON');
  return body;
}

function isMaintenancePage(head: string): boolean {
  // Only the title and main heading count: a real page may mention "maintenance" in passing.
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1] ?? '';
  const h1 = /<h1[^>]*>([^<]*)<\/h1>/i.exec(head)?.[1] ?? '';
  return MAINTENANCE.test(title) || MAINTENANCE.test(h1) || /class="[^"]*maintenance-page/i.test(head);
}

function looksLikeHtml(head: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/i.test(head);
}

import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';

// Site chrome that repeats on every page: a banner there is not the page's own statement.
const CHROME = [
  'header', 'footer', 'nav', 'aside', '[role=banner]', '[role=navigation]', '[role=contentinfo]',
  '[class*=banner]', '[class*=bandeau]', '[class*=notice]', '[class*=breadcrumb]', '[class*=cookie]',
  '[id*=banner]', '[id*=bandeau]', '[id*=cookie]',
].join(', ');

/** Loads an HTML page with its site chrome (header, footer, nav, banners, notices) removed. */
export function loadWithoutChrome(html: string): CheerioAPI {
  const $ = load(html);
  $(CHROME).remove();
  return $;
}

/** The page's main content when it marks one, else its body. */
export function mainContent($: CheerioAPI, selector?: string) {
  if (selector) return $(selector);
  const main = $('main, [role=main]').first();
  if (main.length > 0) return main;
  const body = $('body');
  return body.length > 0 ? body : $.root();
}

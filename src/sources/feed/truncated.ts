/**
 * A feed cut off in transit (a dropped connection, a proxy's size cap) still holds the items
 * before the cut. Tolerant readers keep them; so do we: cut after the last complete item or
 * entry and close what the root left open. Only tried once the parsers have refused the text.
 */
const CLOSERS: Record<string, string> = {
  rss: '</channel></rss>',
  'rdf:rdf': '</rdf:RDF>',
  feed: '</feed>',
};

/** The text up to its last complete item, closed; undefined when nothing complete remains. */
export function closeTruncatedFeed(xml: string): string | undefined {
  const head = xml.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, '');
  const root = /<([A-Za-z_][\w:.-]*)/.exec(head)?.[1]?.toLowerCase();
  const closer = root ? CLOSERS[root] : undefined;
  if (!closer) return undefined;
  // A feed that already closes its root was refused for another reason: not ours to mend.
  if (new RegExp(`</${root}\\s*>\\s*$`, 'i').test(xml.trimEnd())) return undefined;
  const end = Math.max(xml.lastIndexOf('</item>'), xml.lastIndexOf('</entry>'));
  if (end < 0) return undefined;
  const cut = xml.slice(0, end + (xml.startsWith('</item>', end) ? 7 : 8));
  // RSS 2.0 items sit in <channel>; RSS 1.0 items are the root's own children.
  return root === 'rss' && !/<channel[\s>]/i.test(cut) ? undefined : `${cut}${closer}`;
}

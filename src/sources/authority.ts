import type { SourceConfig } from '../config/sources-config';

/** The authority each coded adapter reads; `level-page` sources name theirs in YAML. */
const CODED: Record<string, string> = {
  'uk-mi5': 'uk-mi5',
  'fr-vigipirate': 'fr-sgdsn',
  'us-ntas': 'us-dhs',
  'au-nationalsecurity': 'au-asio',
};

export function authorityOfSource(source: SourceConfig): string | undefined {
  if (source.type === 'feed') return undefined;
  const named = source.options['authority'];
  return typeof named === 'string' ? named : CODED[source.type];
}

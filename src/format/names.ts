import type { MessageOptions } from './incident-message';

/** Display names for messages: authorities and the sources configured. */
export const AUTHORITY_NAMES: Record<string, string> = {
  'uk-mi5': 'MI5 (UK)',
  'fr-sgdsn': 'SGDSN — Vigipirate (France)',
  'us-dhs': 'DHS — NTAS (United States)',
  'au-asio': 'National Security (Australia)',
  'nl-nctv': 'NCTV (Netherlands)',
  'be-ocam': 'OCAM/CUTA (Belgium)',
  'es-interior': 'Ministerio del Interior — NAA (Spain)',
  'se-sapo': 'Säpo (Sweden)',
  'no-pst': 'PST (Norway)',
  'dk-pet': 'PET/CTA (Denmark)',
  'at-dsn': 'DSN (Austria)',
  'nz-nzsis': 'CTAG/NZSIS (New Zealand)',
  'ca-itac': 'ITAC (Canada)',
};

export function messageOptionsFor(sources: readonly { id: string }[], extra: MessageOptions = {}): MessageOptions {
  const sourceNames: Record<string, string> = {};
  for (const s of sources) sourceNames[s.id] = s.id;
  return { authorityNames: AUTHORITY_NAMES, sourceNames, ...extra };
}

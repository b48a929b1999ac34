/** What each real excerpt of ../shared/fixtures/gov/official-text/ states (its INDEX.md), and the source that reads it. */
/** file → [source id, what it must read]; `none` = no statement of the current level. */
export const OFFICIAL_TEXT: Record<string, [string, string]> = {
  'be-crisiscenter-en.html': ['be-ocam', 'be-ocam 3/4'],
  'no-pst-dagens-trusselbilde.html': ['no-pst', 'none'],
  'nz-nzsis.html': ['nz-nzsis', 'nz-nzsis 2/5'],
  'nl-nctv-wat-betekent.html': ['nl-nctv', 'nl-nctv 4/5'],
  'dk-pet-nyhed-2023-08-15.html': ['dk-pet', 'dk-pet 4/5 Alvorlig'],
  'se-krisinformation-2023-08.html': ['se-sapo', 'se-sapo 4/5'],
  'se-polisen-en-2023.html': ['se-sapo', 'se-sapo 4/5'],
  'se-sapo-en-2015-11-18.html': ['se-sapo', 'se-sapo 4/5'],
  'ca-canada-qa.html': ['ca-itac', 'none'],
  'au-nationalsecurity-old.html': ['au-nationalsecurity', 'au-asio 3/5 PROBABLE'],
  'fr-maine-et-loire-2024.html': ['fr-vigipirate', 'fr-sgdsn 2/3 Sécurité renforcée – risque attentat'],
  'fr-greolieres-2026-01.html': ['fr-vigipirate', 'fr-sgdsn 3/3 Urgence attentat'],
};

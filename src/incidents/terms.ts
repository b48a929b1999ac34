/**
 * Distinctive words of a report, language-light: proper names, numbers and long words
 * survive translation far better than common words do ("Crocus", "Solingen", "137").
 */
import { foldArabic } from '../detect/normalise';

const STOP = new Set(
  (
    'that this with from have were been their they said after about which would there when into also more than ' +
    'les des une dans pour avec sont était été selon dont mais plus leur ' +
    'der die das und den dem des eine einer einem nach wurde wurden sind ist sich auch bei ' +
    'para como pero sobre desde este esta entre ' +
    'della delle degli sono dopo anche come ' +
    'het een van voor zijn werd naar ' +
    'och att som med för ' +
    'people police killed attack attacks attacked dead injured wounded least morts blessés tote verletzte ' +
    'muertos heridos morti feriti doden gewonden ' +
    // The vocabulary of every level-change story: shared by all of them, it tells none apart.
    'threat level levels terror terrorism terrorist raised lowered reduced increased severe substantial critical highly likely ' +
    'menace niveau niveaux attentat plan vigipirate urgence alerte bedrohung terrorwarnstufe dreigingsniveau'
  ).split(' '),
);

// Latin letters that do not decompose (as the detector folds them).
const PLAIN: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };
const NOT_DECOMPOSING = /[ßæøœłđıþðħ]/g;

/** Lower case, no accents on Latin or Greek letters, ß ø ł ı spelt plain, Arabic spelling folded (as the detector folds them). */
export function foldText(s: string): string {
  return foldArabic(
    s
      .normalize('NFKD')
      .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(NOT_DECOMPOSING, (c) => PLAIN[c] ?? c),
  );
}

export function distinctiveTerms(text: string, max = 60): string[] {
  const out = new Set<string>();
  for (const w of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const isNumber = /^\d+$/.test(w);
    if (isNumber ? w.length < 2 || /^(19|20)\d\d$/.test(w) : w.length < 4) continue;
    if (STOP.has(w)) continue;
    // Crude stem so "shootings"/"shooting", "Magdeburger"/"Magdeburg" meet.
    out.add(isNumber ? w : w.slice(0, 7));
    if (out.size >= max) break;
  }
  return [...out];
}

/** Share of the smaller set found in the larger: robust when one report is much longer. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  let n = 0;
  for (const t of small) if (large.has(t)) n++;
  return n / small.length;
}

import type { Definition } from '../text/defined-terms.js';

/**
 * The definitions of terms that `quoted` uses and that state what a number question asks
 * (`statesNumber` of the definition's text): the hours of 午间 and 夜间 for "几点以后不能装修".
 * At most `max`, each term once, in document order. Pure.
 */
export function definitionsUsed(
  definitions: readonly Definition[],
  quoted: string,
  statesNumber: (text: string) => boolean,
  max = 3,
): Definition[] {
  const seen = new Set<string>();
  const out: Definition[] = [];
  for (const d of definitions) {
    if (out.length >= max) break;
    if (seen.has(d.term) || !quoted.includes(d.term) || !statesNumber(d.text)) continue;
    // A definition already quoted is not repeated.
    if (quoted.includes(d.text)) continue;
    seen.add(d.term);
    out.push(d);
  }
  return out;
}

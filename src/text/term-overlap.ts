import { normaliseForIndex } from './normalise.js';

/**
 * Cheap lexical overlap without jieba, for places where loading the segmenter is not worth it
 * (citation checks, sentence scoring, tests): Han-character bigrams plus whole digit/Latin runs.
 * "住房公积金" → 住房, 房公, 公积, 积金. Bigrams of Chinese text match across segmentation
 * differences, which is what a support check wants.
 */

const HAN = /\p{Script=Han}/u;
const RUN = /[0-9a-z]+(?:[.\-+_][0-9a-z]+)*%?/g;

/** Overlap units of `text`: Han bigrams (a lone Han character stands for itself) and digit/Latin runs. */
export function overlapUnits(text: string): Set<string> {
  const norm = normaliseForIndex(text);
  const units = new Set<string>();
  let prev = '';
  let runLen = 0;
  for (const ch of norm) {
    if (HAN.test(ch)) {
      if (prev) units.add(prev + ch);
      prev = ch;
      runLen++;
    } else {
      if (runLen === 1) units.add(prev);
      prev = '';
      runLen = 0;
    }
  }
  if (runLen === 1) units.add(prev);
  for (const m of norm.matchAll(RUN)) units.add(m[0]);
  return units;
}

/** Share (0..1) of `needle`'s overlap units found in `haystack`; 0 when `needle` has none. */
export function overlapShare(needle: string, haystack: string | Set<string>): number {
  const want = overlapUnits(needle);
  if (want.size === 0) return 0;
  const have = typeof haystack === 'string' ? overlapUnits(haystack) : haystack;
  let hit = 0;
  for (const u of want) if (have.has(u)) hit++;
  return hit / want.size;
}

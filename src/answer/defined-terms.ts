import type { Passage } from '../domain.js';
import { relayedAs } from '../ingest/flag-passages.js';
import { type Definition, definitionsIn } from '../text/defined-terms.js';
import { numberLead } from './compose-lead.js';
import type { QuotedPiece } from './passage-pieces.js';
import type { ReadDocument } from './read-once.js';

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

/**
 * The quoted rule names its quantity by a term its document defines ("在午间和夜间"): the definition
 * states the number asked for ("午间，是指北京时间十二时至十四时之间的期间"). The passages shown and the
 * pieces quoted with those definitions added after them, each on a line of its own.
 */
export async function withDefinitionsUsed(
  question: string,
  anchorPassage: Passage,
  shown: readonly Passage[],
  pieces: readonly QuotedPiece[],
  read: ReadDocument,
): Promise<{ shown: Passage[]; pieces: QuotedPiece[] }> {
  const doc = await read(anchorPassage.chunk.docId);
  const used = definitionsUsed(
    // Read from the document beside the retrieved passages: relayed on the same terms as they are.
    doc ? definitionsIn(doc.chunks.flatMap((chunk) => relayedAs({ chunk })?.chunk ?? [])) : [],
    pieces.map((p) => p.text).join(''),
    (text) => numberLead(question, text) !== undefined,
  );
  const outShown = [...shown];
  const outPieces = [...pieces];
  for (const d of used) {
    outShown.push({ ...anchorPassage, chunk: d.chunk, why: { matchedTerms: [] } });
    outPieces.push({
      passageIndex: outShown.length - 1,
      start: d.start,
      end: d.end,
      text: d.text,
      // On a line of its own; not read for a lead, which would give one of several hours.
      item: true,
    });
  }
  return { shown: outShown, pieces: outPieces };
}

import { h } from '../shared/dom.js';
import { pieces, type Range } from './mark-text.js';

/**
 * Renders text with <mark>s and anchor spans into `into`, using text nodes only. Returns the
 * first <mark> (to scroll to) if any.
 */
export function renderMarked(
  into: HTMLElement,
  text: string,
  marks: Range[],
  anchors: { at: number; id: string }[] = [],
  markClass = 'hit',
): HTMLElement | undefined {
  let first: HTMLElement | undefined;
  for (const piece of pieces(text, marks, anchors)) {
    for (const id of piece.anchors) into.append(h('span', { id, class: 'anchor' }));
    if (!piece.text) continue;
    if (piece.marked) {
      const mark = h('mark', { class: markClass }, piece.text);
      first ??= mark;
      into.append(mark);
    } else into.append(piece.text);
  }
  return first;
}

import { h } from '../shared/dom.js';
import { pieces, type Range } from './mark-text.js';

/**
 * Renders text with <mark>s, anchor spans and dimmed page chrome (`<span class="chrome">`) into
 * `into`, using text nodes only. Returns the first <mark> (to scroll to) if any.
 */
export function renderMarked(
  into: HTMLElement,
  text: string,
  marks: Range[],
  anchors: { at: number; id: string }[] = [],
  markClass = 'hit',
  dim: Range[] = [],
): HTMLElement | undefined {
  let first: HTMLElement | undefined;
  for (const piece of pieces(text, marks, anchors, dim)) {
    for (const id of piece.anchors) into.append(h('span', { id, class: 'anchor' }));
    if (!piece.text) continue;
    let node: Node | string = piece.text;
    if (piece.marked) {
      const mark = h('mark', { class: markClass }, piece.text);
      first ??= mark;
      node = mark;
    }
    into.append(
      piece.dimmed ? h('span', { class: 'chrome', title: '网页附带内容，未编入检索' }, node) : node,
    );
  }
  return first;
}

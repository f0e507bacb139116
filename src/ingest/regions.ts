import { PLACE_NAMES, PROVINCES, SHANDONG_CITIES } from '../text/place-names.js';

/**
 * Region names found in a document's title or opening, to fill `DocumentMeta.region` when no
 * manifest gives it. Cities of Shandong (the product's home) map to "山东省X市"; other places to
 * their province.
 */

const PATTERN = new RegExp(PLACE_NAMES.join('|'), 'g');
/** The region named first in `s` ("数字青岛…" → "山东省青岛市"), or "全国" for national texts. */
export function findRegion(s: string): string | undefined {
  const m = PATTERN.exec(s);
  PATTERN.lastIndex = 0;
  if (m) {
    const name = m[0];
    return SHANDONG_CITIES.includes(name) ? `山东省${name}市` : PROVINCES[name];
  }
  if (/^(?:中华人民共和国|国务院|全国)/.test(s)) return '全国';
  return undefined;
}

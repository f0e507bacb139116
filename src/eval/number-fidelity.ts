import { head, type MetricResult } from './metric.js';
import { extractNumbers, numberSupported } from './numbers.js';
import { stripCitationMarkers } from './text-measures.js';

function prepare(text: string): string {
  return stripCitationMarkers(text).normalize('NFKC');
}

/**
 * Every number or date in the answer must appear in some cited passage quote (by value: "4.5万"
 * matches "45000" and "4.5万个"; "三个" matches "3个"). An answer without numbers passes.
 */
export function numberFidelity(answer: string, citedQuotes: string[]): MetricResult {
  const mentions = extractNumbers(prepare(answer));
  if (mentions.length === 0) return { pass: true, score: 1, reason: 'no numbers in the answer' };
  const pool = citedQuotes.flatMap((q) => extractNumbers(prepare(q)));
  const missing = mentions.filter((m) => !numberSupported(m, pool));
  const score = (mentions.length - missing.length) / mentions.length;
  if (missing.length === 0) {
    return { pass: true, score, reason: `all ${mentions.length} numbers found in cited quotes` };
  }
  const where = citedQuotes.length === 0 ? 'no citations' : `${citedQuotes.length} cited quote(s)`;
  return {
    pass: false,
    score,
    reason: `numbers not in any cited quote (${where}): ${missing.map((m) => `"${head(m.text, 12)}"`).join(', ')}`,
  };
}

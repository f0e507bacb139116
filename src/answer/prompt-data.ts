/**
 * Characters of each passage a chat model is shown, by default: the answerer's and the eval
 * judge's (which must see what the answerer saw). Chunks are ≤ 480 characters; this is a guard.
 */
export const MAX_PASSAGE_CHARS = 1500;

/**
 * The tags the prompts (prompts/*.md) wrap untrusted text in: passages in <资料>, and for the judge
 * the question in <问题> and the answer under review in <回答>.
 */
const DATA_TAGS = /<\/?(?:资料|回答|问题)>/g;

/**
 * Text placed inside a prompt (a passage, a citizen's question, an answer being judged) is data:
 * it must not be able to close its block and pose as instructions. Only the prompts' own delimiter
 * tags are neutralised (〈资料〉 instead of <资料>); everything else reaches the model character for
 * character. The answerer and the eval's judge both use this one rule.
 */
export function asData(text: string): string {
  return text.replace(DATA_TAGS, (tag) => tag.replace('<', '〈').replace('>', '〉'));
}

import { decodeText } from '../decode-text.js';
import type { ExtractedText } from './loader.js';

/** .txt and .md: the decoded text, unchanged (eval quotes are exact substrings of it). */
export async function loadPlainText(bytes: Uint8Array): Promise<ExtractedText> {
  return { text: decodeText(bytes) };
}

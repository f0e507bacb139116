import iconv from 'iconv-lite';
import { detect } from 'jschardet';
import { unreadable } from './unreadable.js';

/**
 * Bytes → text for .txt/.md/.html files. UTF-8 first (BOM stripped); UTF-16 with a BOM; otherwise
 * the encoding jschardet guesses (in practice GBK/GB18030 for Chinese government files), decoded
 * with iconv-lite. Binary files and text no decoder reads cleanly are refused with a reason.
 */

/** How many leading bytes are scanned for NUL bytes when telling text from binary. */
const BINARY_PROBE_BYTES = 8192;
/** Largest share of U+FFFD replacement characters accepted in a non-UTF-8 decode. */
const MAX_REPLACEMENT_RATIO = 0.001;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  if (probe.includes(0)) throw unreadable('文件是二进制内容，不是文本 (binary file, not text)');
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeLegacy(bytes);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (err) {
    throw unreadable('文件带 UTF-8 BOM 但内容不是有效的 UTF-8 (invalid UTF-8 after BOM)', err);
  }
}

function decodeLegacy(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const guess = detect(buf);
  // jschardet reports GB2312 for most GBK text; GB18030 is a superset of both, so decode with it.
  let encoding = guess?.encoding ? guess.encoding.toLowerCase() : '';
  if (encoding === 'gb2312' || encoding === 'gbk') encoding = 'gb18030';
  if (!encoding || !iconv.encodingExists(encoding) || encoding === 'ascii' || encoding === 'utf-8') {
    throw unreadable('无法识别文件编码（不是 UTF-8 或 GBK）(undecodable text: not UTF-8 or GBK)');
  }
  const text = iconv.decode(buf, encoding);
  let bad = 0;
  for (const ch of text) if (ch === '\ufffd') bad++;
  if (bad > Math.max(1, text.length * MAX_REPLACEMENT_RATIO)) {
    throw unreadable(
      `文件编码无法正确解码（按 ${guess.encoding} 解码出错）(undecodable text as ${guess.encoding})`,
    );
  }
  return text;
}

import { unreadable } from '../unreadable.js';
import type { ExtractedText } from './loader.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** .docx through mammoth's raw-text extraction (paragraphs separated by blank lines). */
export async function loadDocx(bytes: Uint8Array): Promise<ExtractedText> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw unreadable(
      '不是有效的 .docx 文件（不是 zip 格式，可能是旧版 .doc）(not a .docx: not a zip archive)',
    );
  }
  // Imported on first use: mammoth takes ~0.7 s to load here, which a process that only answers never needs.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return { text: result.value };
  } catch (err) {
    throw unreadable('.docx 文件已损坏，无法读取 (broken .docx)', err);
  }
}

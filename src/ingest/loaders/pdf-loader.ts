import { unreadable } from '../unreadable.js';
import type { ExtractedText } from './loader.js';

/** .pdf through unpdf (pdf.js); pages are joined with "\n". */
export async function loadPdf(bytes: Uint8Array): Promise<ExtractedText> {
  let pages: string[];
  // Imported on first use, like mammoth: a process that only answers never reads a PDF.
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    // verbosity 0: pdf.js would otherwise print recovery warnings for every damaged file.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (err) {
    // pdf.js names its exceptions (PasswordException, InvalidPDFException …); the class is the signal.
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') {
      throw unreadable('PDF 文件受密码保护，无法读取 (password-protected PDF)', err);
    }
    throw unreadable('PDF 文件已损坏或不完整 (broken or truncated PDF)', err);
  }
  const text = pages.join('\n');
  if (text.trim() === '') {
    throw unreadable('PDF 中没有可提取的文字，可能是扫描件 (PDF has no extractable text; scanned image?)');
  }
  return { text };
}

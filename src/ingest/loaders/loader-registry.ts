import { extname } from 'node:path';
import { loadDocx } from './docx-loader.js';
import { loadHtml } from './html-loader.js';
import type { Loader } from './loader.js';
import { loadPdf } from './pdf-loader.js';
import { loadPlainText } from './text-loader.js';

/** Loaders by lower-case file extension. */
const LOADERS: Record<string, Loader> = {
  '.txt': loadPlainText,
  '.md': loadPlainText,
  '.html': loadHtml,
  '.htm': loadHtml,
  '.pdf': loadPdf,
  '.docx': loadDocx,
};

/** What an upload or a corpus file may end with: the one list, from the loaders themselves. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(LOADERS);

/** The loader for a path by its extension (case-insensitive), or undefined if unsupported. */
export function loaderFor(path: string): Loader | undefined {
  return LOADERS[extname(path).toLowerCase()];
}

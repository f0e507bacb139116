/** What a loader extracts from one file's bytes. */
export interface ExtractedText {
  /** The document text; offsets of chunks and citations point into it. */
  text: string;
  /** A title the format itself carries (HTML <h1>/<title>), if any. */
  title?: string;
}

/**
 * Turns a file's bytes into text. Throws an `AppError('DOCUMENT_UNREADABLE')` (see `unreadable`)
 * whose message is the reason shown to the user.
 */
export type Loader = (bytes: Uint8Array) => Promise<ExtractedText>;

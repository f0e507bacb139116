import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { maskPersonalNumbers } from '../log/mask.js';
import { AnsweredRequests } from './feedback-requests.js';

export interface FeedbackInput {
  requestId: string;
  rating: 'up' | 'down';
  comment?: string;
}

export interface FeedbackRow extends FeedbackInput {
  id: number;
  createdAt: string;
}

/**
 * Citizens' ratings of answers, stored durably in SQLite (`<dataDir>/feedback.sqlite`, WAL mode)
 * for evaluators to export. Personal numbers in comments are masked before they are written.
 *
 * One rating per answer: a later feedback for the same request id **replaces** the earlier one
 * (rating and comment), so a citizen who changes 👍 to 👎, or adds a comment after 👎, leaves one
 * row with what they said last. Rows written twice by an older version stay; the latest is updated.
 */
export class FeedbackStore {
  private readonly db: Database.Database;
  private readonly insertStmt: Database.Statement<[string, string, string | null, string]>;
  private readonly replaceStmt: Database.Statement<[string, string | null, string, string]>;
  /** Request ids of recent answers: the only ones feedback is accepted for (see feedback-requests.ts). */
  readonly answered: AnsweredRequests;

  constructor(path: string, answered = new AnsweredRequests()) {
    this.answered = answered;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS feedback (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id TEXT NOT NULL,
      rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
      comment TEXT,
      created_at TEXT NOT NULL
    )`);
    this.db.exec('CREATE INDEX IF NOT EXISTS feedback_request_id ON feedback (request_id)');
    this.insertStmt = this.db.prepare(
      'INSERT INTO feedback (request_id, rating, comment, created_at) VALUES (?, ?, ?, ?)',
    );
    this.replaceStmt = this.db.prepare(
      `UPDATE feedback SET rating = ?, comment = ?, created_at = ?
       WHERE id = (SELECT MAX(id) FROM feedback WHERE request_id = ?)`,
    );
  }

  /** Opens (creating if needed) the store in `dataDir`. */
  static open(dataDir: string): FeedbackStore {
    mkdirSync(dataDir, { recursive: true });
    return new FeedbackStore(join(dataDir, 'feedback.sqlite'));
  }

  /** Stores a rating, replacing an earlier one for the same request id. */
  add(input: FeedbackInput, now = new Date()): { id: number; replaced: boolean } {
    const comment = input.comment?.trim() ? maskPersonalNumbers(input.comment.trim()) : null;
    // The request id can come from the client (X-Request-Id): masked like the comment.
    const requestId = maskPersonalNumbers(input.requestId);
    const at = now.toISOString();
    return this.db.transaction(() => {
      if (this.replaceStmt.run(input.rating, comment, at, requestId).changes > 0) {
        const row = this.db
          .prepare('SELECT MAX(id) AS id FROM feedback WHERE request_id = ?')
          .get(requestId) as { id: number };
        return { id: row.id, replaced: true };
      }
      const info = this.insertStmt.run(requestId, input.rating, comment, at);
      return { id: Number(info.lastInsertRowid), replaced: false };
    })();
  }

  all(): FeedbackRow[] {
    const rows = this.db
      .prepare('SELECT id, request_id, rating, comment, created_at FROM feedback ORDER BY id')
      .all() as {
      id: number;
      request_id: string;
      rating: 'up' | 'down';
      comment: string | null;
      created_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      rating: r.rating,
      comment: r.comment ?? undefined,
      createdAt: r.created_at,
    }));
  }

  /** RFC 4180 CSV with a header row; cells that a spreadsheet would run as formulas are prefixed with '. */
  toCsv(): string {
    const cell = (v: string | number | undefined) => {
      let s = v === undefined ? '' : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = ['id,requestId,rating,comment,createdAt'];
    for (const r of this.all())
      lines.push([r.id, r.requestId, r.rating, r.comment, r.createdAt].map(cell).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }

  close(): void {
    this.db.close();
  }
}

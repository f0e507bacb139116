import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { maskPersonalNumbers } from '../log/mask.js';

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
 */
export class FeedbackStore {
  private readonly db: Database.Database;
  private readonly insertStmt: Database.Statement<[string, string, string | null, string]>;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS feedback (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id TEXT NOT NULL,
      rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
      comment TEXT,
      created_at TEXT NOT NULL
    )`);
    this.insertStmt = this.db.prepare(
      'INSERT INTO feedback (request_id, rating, comment, created_at) VALUES (?, ?, ?, ?)',
    );
  }

  /** Opens (creating if needed) the store in `dataDir`. */
  static open(dataDir: string): FeedbackStore {
    mkdirSync(dataDir, { recursive: true });
    return new FeedbackStore(join(dataDir, 'feedback.sqlite'));
  }

  add(input: FeedbackInput, now = new Date()): number {
    const comment = input.comment?.trim() ? maskPersonalNumbers(input.comment.trim()) : null;
    // The request id is client-supplied free text too: masked like the comment.
    const requestId = maskPersonalNumbers(input.requestId);
    const info = this.insertStmt.run(requestId, input.rating, comment, now.toISOString());
    return Number(info.lastInsertRowid);
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

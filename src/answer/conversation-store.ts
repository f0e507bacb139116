import { maskPersonalNumbers } from '../log/mask.js';

/**
 * Bounded in-memory conversation memory for follow-up questions: least-recently-used eviction past
 * `maxConversations`, expiry after `ttlMs` of silence, and only the last `maxTurns` turns kept.
 * Nothing is persisted: a restart forgets conversations, which is acceptable for a help desk.
 */
export interface ConversationTurn {
  question: string;
  /** The standalone question that was actually searched. */
  standalone: string;
  /** The answer text, trimmed to `maxAnswerChars` (enough context for a rewrite). */
  answer: string;
}

export interface ConversationStoreOptions {
  /** Conversations kept at most; the least recently used is dropped first. Default 1000. */
  maxConversations?: number;
  /** Idle time after which a conversation is forgotten, in ms. Default 30 minutes. */
  ttlMs?: number;
  /** Turns kept per conversation. Default 6. */
  maxTurns?: number;
  /** Characters of each answer kept. Default 300. */
  maxAnswerChars?: number;
  now?: () => number;
}

interface Entry {
  turns: ConversationTurn[];
  touched: number;
}

export class ConversationStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxConversations: number;
  private readonly ttlMs: number;
  private readonly maxTurns: number;
  private readonly maxAnswerChars: number;
  private readonly now: () => number;

  constructor({
    maxConversations = 1000,
    ttlMs = 30 * 60_000,
    maxTurns = 6,
    maxAnswerChars = 300,
    now = Date.now,
  }: ConversationStoreOptions = {}) {
    this.maxConversations = maxConversations;
    this.ttlMs = ttlMs;
    this.maxTurns = maxTurns;
    this.maxAnswerChars = maxAnswerChars;
    this.now = now;
  }

  /** Turns of a live conversation, oldest first; empty when unknown or expired. */
  history(id: string): ConversationTurn[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    if (this.now() - entry.touched > this.ttlMs) {
      this.entries.delete(id);
      return [];
    }
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(id);
    this.entries.set(id, entry);
    return [...entry.turns];
  }

  /** Adds a turn; personal numbers in it are masked first (history is shown back in rewrites). */
  append(id: string, turn: ConversationTurn): void {
    const entry = this.entries.get(id) ?? { turns: [], touched: 0 };
    entry.turns.push({
      question: maskPersonalNumbers(turn.question),
      standalone: maskPersonalNumbers(turn.standalone),
      answer: maskPersonalNumbers(turn.answer.slice(0, this.maxAnswerChars)),
    });
    if (entry.turns.length > this.maxTurns) entry.turns.splice(0, entry.turns.length - this.maxTurns);
    entry.touched = this.now();
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxConversations) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

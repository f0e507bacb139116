import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { maskPersonalNumbers } from '../log/mask.js';

/**
 * Bounded in-memory conversation memory for follow-up questions: least-recently-used eviction past
 * `maxConversations`, expiry after `ttlMs` of silence, and only the last `maxTurns` turns kept.
 * Nothing is persisted: a restart forgets conversations, which is acceptable for a help desk.
 *
 * Conversation ids are issued here, never chosen by a client (issue 14 item 5: a second client
 * reusing a client-chosen id got the first one's question back). An id is 16 random bytes and an
 * HMAC-SHA256 tag of them under `secret`, base64url (43 characters): it cannot be guessed or
 * forged, so only the client it was given to can continue its conversation. An id whose tag does
 * not verify (client-chosen, forged, signed under another secret) is not continued: the caller
 * issues a new one. Replicas that share the secret accept each other's ids (history stays with the
 * replica that kept it).
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
  /** Key that signs conversation ids (config CONVERSATION_SECRET). Default: 32 random bytes. */
  secret?: string | Buffer;
}

/** Bytes of randomness in an id, and of the HMAC tag kept: 128 bits each. */
const ID_BYTES = 16;
const TAG_BYTES = 16;

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
  private readonly secret: string | Buffer;

  constructor({
    maxConversations = 1000,
    ttlMs = 30 * 60_000,
    maxTurns = 6,
    maxAnswerChars = 300,
    now = Date.now,
    secret = randomBytes(32),
  }: ConversationStoreOptions = {}) {
    this.secret = secret;
    this.maxConversations = maxConversations;
    this.ttlMs = ttlMs;
    this.maxTurns = maxTurns;
    this.maxAnswerChars = maxAnswerChars;
    this.now = now;
  }

  /** A new conversation id, signed; it is known once a turn has been appended under it. */
  issue(): string {
    const id = randomBytes(ID_BYTES);
    return Buffer.concat([id, this.tag(id)]).toString('base64url');
  }

  /**
   * True when `id` was issued under this store's secret (its tag verifies). Its history may still be
   * empty: expired, evicted, or kept by another replica that shares the secret.
   */
  isIssued(id: string): boolean {
    const raw = Buffer.from(id, 'base64url');
    if (raw.length !== ID_BYTES + TAG_BYTES || raw.toString('base64url') !== id) return false;
    return timingSafeEqual(raw.subarray(ID_BYTES), this.tag(raw.subarray(0, ID_BYTES)));
  }

  private tag(id: Buffer): Buffer {
    return createHmac('sha256', this.secret)
      .update('conversation:')
      .update(id)
      .digest()
      .subarray(0, TAG_BYTES);
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

/**
 * The request ids of answers this service gave recently. Feedback is accepted only for these
 * (issue 14 item 4: /api/feedback took any requestId, 3,584 rows in 10 s), so each stored rating
 * belongs to an answer someone actually received, and rows are bounded by answers, which are
 * rate-limited. Kept in memory: after a restart, or on another replica, an older answer can no
 * longer be rated (the widget says "意见未能提交"); replicas need sticky sessions, as for
 * conversations.
 */
export interface AnsweredRequestsOptions {
  /**
   * Ids kept at most; the oldest is forgotten first. Default 50,000: a day of answers at ~35 a
   * minute, and ~8 MB (about 160 bytes per entry with a 36-character id).
   */
  max?: number;
  /** How long an answer can be rated, in ms. Default 24 hours. */
  ttlMs?: number;
  now?: () => number;
}

export class AnsweredRequests {
  private readonly issued = new Map<string, number>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({ max = 50_000, ttlMs = 24 * 3_600_000, now = Date.now }: AnsweredRequestsOptions = {}) {
    this.max = max;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** Records that an answer was given under `requestId`. */
  remember(requestId: string): void {
    this.issued.delete(requestId);
    this.issued.set(requestId, this.now());
    while (this.issued.size > this.max) {
      const oldest = this.issued.keys().next().value;
      if (oldest === undefined) break;
      this.issued.delete(oldest);
    }
  }

  /** True when an answer was given under `requestId` within the last `ttlMs`. */
  has(requestId: string): boolean {
    const at = this.issued.get(requestId);
    if (at === undefined) return false;
    if (this.now() - at > this.ttlMs) {
      this.issued.delete(requestId);
      return false;
    }
    return true;
  }
}

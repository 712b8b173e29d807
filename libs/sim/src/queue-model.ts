/**
 * The food queue in memory, with exactly the rules of the Lua scripts (offer-2.lua, take-2.lua
 * and track-length.lua): an offer is FULL when the length is at least the capacity, otherwise
 * the item goes in; a take returns the oldest item (FIFO) or EMPTY. It keeps the same counters,
 * and credits the time since the last change of length to the length the queue had, just before
 * each change, as `trackLength` does. Items are represented by their enqueue time, which is all
 * the counters need (the wait of a taken item is now minus its enqueue time).
 *
 * Typed arrays and no allocation per operation: the virtual engine calls it tens of millions of
 * times a second.
 */
export class QueueModel {
  ready = 0;
  full = 0;
  taken = 0;
  empty = 0;
  /** Sum of the waits of taken items, in the caller's time unit, and how many waits it holds. */
  waitSum = 0;
  waited = 0;
  /** Time of the first change of length (`since`) and of the last one (`at`); NaN until then. */
  since = Number.NaN;
  at = Number.NaN;
  /** Time spent at each length 0..capacity, credited when the length changes (`t:<length>`). */
  readonly timeAtLength: Float64Array;

  private readonly enqueuedAt: Float64Array;
  /** Ring buffer: the oldest item is at `head`, `size` items in all. */
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number >= 1, got ${capacity}`);
    this.enqueuedAt = new Float64Array(capacity);
    this.timeAtLength = new Float64Array(capacity + 1);
  }

  get length(): number {
    return this.size;
  }

  /** A cook's offer at time `now`: true when queued (READY), false when dropped (FULL). */
  offer(now: number): boolean {
    const size = this.size;
    if (size >= this.capacity) {
      this.full++;
      return false;
    }
    this.trackLength(size, now);
    let tail = this.head + size;
    if (tail >= this.capacity) tail -= this.capacity;
    this.enqueuedAt[tail] = now;
    this.size = size + 1;
    this.ready++;
    return true;
  }

  /** A customer's take at time `now`: the oldest item's enqueue time (TAKEN), or -1 when empty. */
  take(now: number): number {
    const size = this.size;
    if (size === 0) {
      this.empty++;
      return -1;
    }
    this.trackLength(size, now);
    const enqueued = this.enqueuedAt[this.head];
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    this.size = size - 1;
    this.taken++;
    this.waitSum += now - enqueued;
    this.waited++;
    return enqueued;
  }

  /**
   * Time at each length up to `now`, including the stretch at the current length since the last
   * change, which the counters have not credited yet (as a report read from Redis adds now - at).
   */
  timeAtLengthUntil(now: number): Float64Array {
    const times = this.timeAtLength.slice();
    if (!Number.isNaN(this.at)) times[this.size] += now - this.at;
    return times;
  }

  private trackLength(lengthBefore: number, now: number): void {
    if (Number.isNaN(this.at)) this.since = now;
    else this.timeAtLength[lengthBefore] += now - this.at;
    this.at = now;
  }
}

/**
 * What one run observed at the queue, in model time, whichever engine ran it: the virtual
 * engine's queue model or the counters the Lua scripts keep in Redis.
 */
export interface QueueCounters {
  ready: number;
  full: number;
  taken: number;
  empty: number;
  /** Model seconds spent at each length 0..capacity during the observed span. */
  secondsAtLength: number[];
  /**
   * Sum of the model seconds meals waited on the queue, and how many waits it holds. The virtual
   * engine adds up each meal's wait; from Redis it is the area under the queue length (Little's
   * law) over the meals taken.
   */
  waitSeconds: number;
  waited: number;
  /** The observed span in model seconds. */
  modelSeconds: number;
}

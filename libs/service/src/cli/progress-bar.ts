import type { LineSink } from '../line-sink.js';

export interface ProgressBarOptions {
  /** How many units of work there are, e.g. cells of a sweep or steps of the benchmark. */
  total: number;
  /** What a unit is called in the line, e.g. `cells`. */
  unit: string;
  /** On a terminal the line is redrawn in place; elsewhere (a file, a pipe) plain lines are written. */
  isTerminal: boolean;
  /** Monotonic milliseconds; the real clock unless a test brings its own. */
  now?: () => number;
}

const WIDTH = 30;
const REDRAW_EVERY_MS = 100;

/**
 * Progress on one line: `[#####---] 48/96 cells 3.1 s, ~3 s left  what runs now`. A terminal
 * gets it redrawn in place with `\r`; any other sink gets a plain line at every tenth of the work
 * and whenever the label changes, so a log file stays readable and holds no carriage returns.
 */
export class ProgressBar {
  private readonly now: () => number;
  private readonly started: number;
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private lastTenth = -1;
  private lastLabel: string | undefined;
  private drawn = false;

  constructor(
    private readonly sink: LineSink,
    private readonly options: ProgressBarOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** `done` units of `total` (fractions allowed); `label` says what is running now. */
  update(done: number, label = ''): void {
    const { total, isTerminal } = this.options;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const now = this.now();
    if (isTerminal) {
      if (share < 1 && label === this.lastLabel && now - this.lastDrawMs < REDRAW_EVERY_MS) return;
      const filled = Math.round(share * WIDTH);
      this.sink.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${this.describe(done, now, label)}`);
      this.drawn = true;
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth === this.lastTenth && label === this.lastLabel) return;
      this.lastTenth = tenth;
      this.sink.write(`${this.describe(done, now, label)}\n`);
    }
    this.lastDrawMs = now;
    this.lastLabel = label;
  }

  /** Ends a redrawn line, so what is written next starts on a line of its own. */
  finish(): void {
    if (this.drawn) this.sink.write('\n');
    this.drawn = false;
  }

  private describe(done: number, now: number, label: string): string {
    const { total, unit } = this.options;
    const elapsedS = (now - this.started) / 1000;
    const left = done > 0 && done < total ? `, ~${((elapsedS / done) * (total - done)).toFixed(0)} s left` : '';
    const count = Number.isInteger(done) ? String(done) : done.toFixed(1);
    return `${count}/${total} ${unit} ${elapsedS.toFixed(1)} s${left}${label ? `  ${label}` : ''}`;
  }
}

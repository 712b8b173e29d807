export interface TextSink {
  write(text: string): unknown;
}

const WIDTH = 30;
const REDRAW_EVERY_MS = 100;

/**
 * Progress over the benchmark's steps. On a terminal, one line redrawn in place; otherwise one
 * line per step, so a log file stays readable.
 */
export class ProgressBar {
  private lastDrawMs = 0;
  private lastStep = -1;

  constructor(
    private readonly sink: TextSink,
    private readonly steps: number,
    private readonly interactive: boolean,
  ) {}

  /** `step` counts from 0; `fraction` is how far the current step has got. */
  update(step: number, label: string, fraction: number): void {
    if (!this.interactive) {
      if (step !== this.lastStep) this.sink.write(`[${step + 1}/${this.steps}] ${label}\n`);
      this.lastStep = step;
      return;
    }
    const now = Date.now();
    if (fraction > 0 && fraction < 1 && now - this.lastDrawMs < REDRAW_EVERY_MS) return;
    this.lastDrawMs = now;
    const overall = Math.min(1, (step + fraction) / this.steps);
    const filled = Math.round(overall * WIDTH);
    this.sink.write(
      `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${step + 1}/${this.steps} ${label} ${Math.round(fraction * 100)}%`,
    );
  }

  finish(): void {
    if (this.interactive) this.sink.write('\r\x1b[K');
  }
}

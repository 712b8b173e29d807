/** Where text goes: process.stdout or stderr, a log stream, or an array in a test. */
export interface LineSink {
  write(text: string): unknown;
}

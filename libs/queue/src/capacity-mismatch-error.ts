/** A process was configured with another capacity than the queue already has. */
export class CapacityMismatchError extends Error {
  constructor(
    readonly queueName: string,
    readonly stored: number,
    readonly requested: number,
  ) {
    super(
      `queue "${queueName}" already has capacity ${stored}; this process was started with ` +
        `capacity ${requested}. Use QUEUE_CAPACITY=${stored}, or another QUEUE_NAME.`,
    );
    this.name = 'CapacityMismatchError';
  }
}

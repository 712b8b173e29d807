/** The four things that happen at the food queue, as the log calls them. */
export type QueueEvent = 'ready' | 'full' | 'taken' | 'empty';

/** Width the role is padded to: the longest role in the original, `consumer_1`. */
export const DEFAULT_ROLE_WIDTH = 10;

export interface OriginalLineRecord {
  time: Date;
  role: string;
  event?: QueueEvent;
  meal?: string;
  msg?: string;
}

/**
 * One line as the original program printed it, e.g.
 * `20:28:37 producer   - **Air Fryer Steak** READY`. The time is local; the role is padded
 * so that the dashes line up. Anything that is not a queue event keeps the same frame.
 */
export function formatOriginalLine(record: OriginalLineRecord, roleWidth = DEFAULT_ROLE_WIDTH): string {
  return `${clockTime(record.time)} ${record.role.padEnd(roleWidth)} - ${describe(record)}`;
}

function describe({ event, meal, msg }: OriginalLineRecord): string {
  switch (event) {
    case 'ready':
      return `**${meal}** READY`;
    case 'taken':
      return `**${meal}** TAKEN AWAY`;
    case 'empty':
      return '! Food Queue Empty !!!';
    case 'full':
      return '! Food Queue Full !!!';
    default:
      return msg ?? '';
  }
}

function clockTime(time: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
}

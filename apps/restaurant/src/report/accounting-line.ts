import type { Accounting } from '@restaurant/queue';

/** The accounting identity in one line, with its verdict. */
export function formatAccounting(a: Accounting): string {
  const verdict = a.lost === 0 ? 'nothing lost' : `${a.lost} LOST`;
  return (
    `accounting: accepted ${a.accepted} = taken ${a.taken} + queued ${a.queued} + in flight ${a.inFlight} + ` +
    `dead-lettered ${a.deadLettered} (${verdict}); redelivered ${a.redelivered}, duplicates refused ${a.duplicates}\n`
  );
}

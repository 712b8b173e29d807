import { z } from 'zod';

const count = z.number().finite().nonnegative();
const fraction = z.number().min(0).max(1);

const figures = {
  perHour: z.strictObject({ ready: count, full: count, taken: count, empty: count }),
  fullFraction: fraction,
  emptyFraction: fraction,
  meanQueueLength: count,
  queueLengthTimeShare: z.array(fraction).min(2),
  meanWaitS: count,
};

const whole = z.number().int().nonnegative();

/** Where every accepted item is (`report` of a live queue): lost must be 0. */
const accounting = z.strictObject({
  accepted: whole,
  taken: whole,
  queued: whole,
  inFlight: whole,
  deadLettered: whole,
  redelivered: whole,
  duplicates: whole,
  lost: z.number().int(),
});

/** The run report, as `simulate`, `report` and every sweep cell produce it. */
export const runReportSchema = z
  .strictObject({
    scenario: z.strictObject({
      producers: z.number().int().nonnegative().nullable(),
      consumers: z.number().int().nonnegative().nullable(),
      capacity: z.number().int().positive(),
      producerPeriodS: z.number().positive().nullable(),
      consumerMinS: z.number().int().nonnegative().nullable(),
      consumerMaxS: z.number().int().nonnegative().nullable(),
      cookStart: z.enum(['together', 'staggered']).nullable(),
      modelHours: count,
      engine: z.enum(['virtual', 'redis']),
      timeScale: z.number().positive().nullable(),
      seed: z.number().int().nonnegative().nullable(),
      replications: z.number().int().positive(),
    }),
    ...figures,
    ci95: z.union([z.strictObject(figures), z.strictObject({})]),
    engineStats: z.strictObject({ events: z.number().int().nonnegative(), wallS: count }),
    accounting: accounting.optional(),
  })
  .superRefine((report, context) => {
    const lengths = report.scenario.capacity + 1;
    if (report.queueLengthTimeShare.length !== lengths) {
      context.addIssue({ code: 'custom', path: ['queueLengthTimeShare'], message: `must have capacity + 1 = ${lengths} entries` });
    }
    const hasCi = 'perHour' in report.ci95;
    if (hasCi !== report.scenario.replications > 1) {
      context.addIssue({ code: 'custom', path: ['ci95'], message: 'holds half-widths exactly when replications > 1' });
    }
  });

/** The same contract as a JSON Schema (draft 2020-12), for tools outside TypeScript. */
export function runReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(runReportSchema, { io: 'input' }) as Record<string, unknown>;
}

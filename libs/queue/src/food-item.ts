import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** What travels on the queue: one meal, with a unique id so a retried push can be recognised. */
export interface FoodItem {
  id: string;
  meal: string;
  producer: string;
  createdAt: string;
}

const foodItemSchema = z.object({
  id: z.string().min(1),
  meal: z.string().min(1),
  producer: z.string().min(1),
  createdAt: z.string().min(1),
});

export function newFoodItem(meal: string, producer: string, now = new Date()): FoodItem {
  return { id: randomUUID(), meal, producer, createdAt: now.toISOString() };
}

export function encodeFoodItem(item: FoodItem): string {
  return JSON.stringify(item);
}

export type DecodedItem = { ok: true; item: FoodItem } | { ok: false; reason: string };

/**
 * Reads an item taken from the list; anything else (too large, not JSON, not a food item) is
 * reported with the reason, never thrown.
 */
export function decodeFoodItem(raw: string, maxBytes = Number.POSITIVE_INFINITY): DecodedItem {
  const bytes = Buffer.byteLength(raw);
  if (bytes > maxBytes) return { ok: false, reason: `oversized (${bytes} bytes, limit ${maxBytes})` };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = foodItemSchema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'item').join(', ');
    return { ok: false, reason: `not a food item (${fields})` };
  }
  const { id, meal, producer, createdAt } = parsed.data;
  return { ok: true, item: { id, meal, producer, createdAt } };
}

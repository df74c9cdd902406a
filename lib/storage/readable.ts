import type { z } from 'zod';

/**
 * The record itself when its schema reads it back; otherwise an error naming the fields that do not.
 * What is reported saved must read back: a record its own schema refuses is never written.
 */
export function readable<T>(schema: z.ZodType<T>, record: T): T {
  const checked = schema.safeParse(record);
  if (checked.success) return record;
  const fields = [...new Set(checked.error.issues.map((issue) => issue.path.join('.')))].slice(0, 3).join(', ');
  throw new Error(`this draft has a value Backfill could not read back (${fields}), so it was not written`);
}

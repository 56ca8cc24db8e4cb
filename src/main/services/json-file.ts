/**
 * Reads a JSON file through a zod schema. A missing file is `null`; an unreadable or invalid
 * one is set aside as damaged and also read as `null`, so one bad file never stops start-up.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DamagedFiles } from './damaged-files';

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseJsonText<S extends z.ZodType>(text: string, schema: S): ReadOutcome<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `does not match the expected shape: ${z.prettifyError(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

export async function readJsonFileOrSetAside<S extends z.ZodType>(
  path: string,
  schema: S,
  damaged: DamagedFiles,
): Promise<z.output<S> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const outcome = parseJsonText(text, schema);
  if (outcome.ok) return outcome.value;
  await damaged.setAside(path, outcome.reason);
  return null;
}


const DAY_MS = 86_400_000;
/** Instants of years 1970–9999, where toISOString has the plain YYYY-MM-DDTHH:MM:SS.sssZ form. */
const LAST_PLAIN_MS = 253_402_300_799_999;
let prefixDay = Number.NaN;
let prefix = '';
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * An instant as ISO 8601 UTC, exactly as Date#toISOString writes it. Every generation in a
 * response carries two of these, so the date part of the last day seen is kept and only the
 * time of day is formatted (a few times faster than building a Date each time).
 */
export function iso(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > LAST_PLAIN_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== prefixDay) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    prefixDay = day;
  }
  let t = ms - day * DAY_MS;
  const h = Math.floor(t / 3_600_000);
  t -= h * 3_600_000;
  const m = Math.floor(t / 60_000);
  t -= m * 60_000;
  const s = Math.floor(t / 1000);
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(t - s * 1000)}Z`;
}

/** The UTC calendar day of an instant, YYYY-MM-DD: the unit of every daily cap. */
export function dayOf(ms: number): string {
  return iso(ms).slice(0, 10);
}

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

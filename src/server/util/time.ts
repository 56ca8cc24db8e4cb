/** The UTC calendar day of an instant, YYYY-MM-DD: the unit of every daily cap. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** Text helpers every layer may use. */

/**
 * The text itself when it is at most `max` UTF-16 units long; otherwise its first `max` units,
 * one fewer when the last would be the first half of a surrogate pair (a character is never
 * split).
 */
export function prefixWithinUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

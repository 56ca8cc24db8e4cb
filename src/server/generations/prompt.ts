/** What is kept of a prompt: a keyed hash and a short preview. The full prompt is never stored. */
import { PROMPT_PREVIEW_MAX } from '../../shared/contracts/api';
import { prefixWithinUnits } from '../../shared/text';
import { hmacHex } from '../util/crypto';

export function promptHash(key: Buffer, prompt: string): string {
  return `hmac-sha256:${hmacHex(key, prompt)}`;
}

/** Whitespace collapsed, cut to PROMPT_PREVIEW_MAX UTF-16 units without splitting a character. */
export function promptPreview(prompt: string): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  if (flat.length <= PROMPT_PREVIEW_MAX) return flat;
  return `${prefixWithinUnits(flat, PROMPT_PREVIEW_MAX - 1)}…`;
}

/**
 * Ids become file names, so only ids made of safe characters ever reach the file system;
 * anything else (a "../" from an import or a crafted IPC call) is treated as unknown.
 */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

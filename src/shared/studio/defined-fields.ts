/**
 * The fields of a partial change that were actually given. An IPC call (structured clone) can
 * carry `{ key: undefined }`, and spreading that over the current value would erase the key.
 */
export function definedFields<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}

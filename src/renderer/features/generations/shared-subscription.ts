/**
 * One IPC subscription shared by every component that needs it: started by the first,
 * stopped when the last lets go. Returns an `acquire` suited to useEffect.
 */
export function sharedSubscription(start: () => () => void): () => () => void {
  let users = 0;
  let stop: (() => void) | null = null;
  return () => {
    users += 1;
    if (users === 1) stop = start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      users -= 1;
      if (users === 0) {
        stop?.();
        stop = null;
      }
    };
  };
}

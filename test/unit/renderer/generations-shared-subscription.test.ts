import { describe, expect, it } from 'vitest';
import { sharedSubscription } from '../../../src/renderer/features/generations/shared-subscription';

describe('a subscription shared by components', () => {
  it('starts with the first user, stops after the last, and ignores a double release', () => {
    let started = 0;
    let stopped = 0;
    const acquire = sharedSubscription(() => {
      started += 1;
      return () => {
        stopped += 1;
      };
    });
    const releaseA = acquire();
    const releaseB = acquire();
    expect(started).toBe(1);
    releaseA();
    releaseA();
    expect(stopped).toBe(0);
    releaseB();
    expect(stopped).toBe(1);
    const releaseC = acquire();
    expect(started).toBe(2);
    releaseC();
    expect(stopped).toBe(2);
  });
});

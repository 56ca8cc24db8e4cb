import { describe, expect, it } from 'vitest';
import { parseDirectives } from '../../../src/server/providers/simulated/directives';

describe('simulated provider directives', () => {
  it('succeeds without a directive', () => {
    expect(parseDirectives('A slow dolly shot of a lighthouse at dusk')).toEqual({ outcome: 'succeed', duplicate: false });
  });

  it.each([
    ['[sim:fail] a cat', 'fail'],
    ['a cat [sim:reject]', 'reject'],
    ['a [sim:hold] cat', 'hold'],
    ['a cat [SIM:FAIL]', 'fail'],
  ] as const)('reads %s as %s', (prompt, outcome) => {
    expect(parseDirectives(prompt).outcome).toBe(outcome);
  });

  it('combines duplicate with any outcome', () => {
    expect(parseDirectives('[sim:duplicate] a cat')).toEqual({ outcome: 'succeed', duplicate: true });
    expect(parseDirectives('[sim:fail][sim:duplicate] a cat')).toEqual({ outcome: 'fail', duplicate: true });
  });

  it('lets the strongest outcome win whatever the order', () => {
    expect(parseDirectives('[sim:fail] [sim:reject]').outcome).toBe('reject');
    expect(parseDirectives('[sim:reject] [sim:fail]').outcome).toBe('reject');
    expect(parseDirectives('[sim:hold] [sim:fail]').outcome).toBe('hold');
  });

  it('ignores things that only look like directives', () => {
    expect(parseDirectives('sim:fail [sim: fail] [sim:explode]')).toEqual({ outcome: 'succeed', duplicate: false });
  });
});

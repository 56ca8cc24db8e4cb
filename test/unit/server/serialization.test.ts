/** ISO times and compiled response serializers give exactly what Date#toISOString and JSON.stringify give. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Generation, GenerationList, Problem } from '../../../src/shared/contracts/api';
import { responseSerializer } from '../../../src/server/http/serialize';
import { dayOf, iso } from '../../../src/server/util/time';

const generation = fc.record({
  id: fc.string({ minLength: 1 }),
  status: fc.constantFrom('queued', 'running', 'succeeded', 'failed', 'canceled'),
  createdAt: fc.string(),
  updatedAt: fc.string(),
  credits: fc.integer({ min: 0, max: 10_000 }),
  refunded: fc.boolean(),
  promptHash: fc.string(),
  promptPreview: fc.string({ maxLength: 64 }),
  durationSeconds: fc.integer({ min: 1, max: 60 }),
  aspectRatio: fc.constantFrom('16:9', '9:16', '1:1'),
  clientRef: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
  videoUrl: fc.option(fc.webUrl(), { nil: null }),
  error: fc.option(fc.record({ code: fc.constantFrom('provider_failed', 'timed_out', 'canceled'), message: fc.string({ unit: 'binary' }) }), { nil: null }),
});

describe('iso', () => {
  it('matches Date#toISOString for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }), (ms) => {
        expect(iso(ms)).toBe(new Date(ms).toISOString());
        expect(dayOf(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 5_000 },
    );
    for (const ms of [0, 86_399_999, 86_400_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -1]) expect(iso(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('response serializers from the zod schemas', () => {
  it('write a Generation list exactly as JSON.stringify does, whatever the strings hold', () => {
    const list = responseSerializer(GenerationList);
    fc.assert(
      fc.property(fc.array(generation, { maxLength: 5 }), fc.option(fc.string(), { nil: null }), (items, nextCursor) => {
        const data = { items, nextCursor };
        expect(JSON.parse(list(data))).toEqual(data);
        expect(list(data)).toBe(JSON.stringify(data));
      }),
      { numRuns: 300 },
    );
  });

  it('drop what the contract does not declare, and keep optional fields it does', () => {
    const one = responseSerializer(Generation);
    const g = { id: 'g', status: 'queued', createdAt: 'a', updatedAt: 'b', credits: 1, refunded: false, promptHash: 'h', promptPreview: 'p', durationSeconds: 4, aspectRatio: '16:9', clientRef: null, videoUrl: null, error: null };
    expect(JSON.parse(one({ ...g, provider_task_id: 'secret', ownerId: 'u' }))).toEqual(g);
    const problem = responseSerializer(Problem);
    const p = { type: 't', title: 'T', status: 422, code: 'prompt_rejected', detail: 'd', requestId: 'r', errors: [{ code: 'prompt_empty', message: 'm' }] };
    expect(JSON.parse(problem(p))).toEqual(p);
  });
});

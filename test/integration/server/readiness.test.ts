/** /readyz answers 503 problem+json once the database cannot be reached, while /healthz (the process) still answers. */
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, startHarness, type Harness } from './helpers/harness';
import { expectProblem } from './helpers/problem';

describe.each(ENGINES)('readiness on %s', (engine) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is ready while the database answers, and 503 unavailable once it does not', async () => {
    h = await startHarness(engine);
    expect((await h.call('GET', '/readyz')).body).toEqual({ ok: true, database: engine });
    await h.server.context.db.close();
    const res = await h.call('GET', '/readyz');
    expectProblem(res, 503, 'unavailable');
    expect((await h.call('GET', '/healthz')).body).toEqual({ ok: true });
  });
});

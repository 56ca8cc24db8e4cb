/** The contract's error shape: status, application/problem+json, the code, and the response's request id. */
import { expect } from 'vitest';
import { Problem } from '../../../../src/shared/contracts/api';

export function expectProblem(res: { status: number; body: unknown; headers: Headers }, status: number, code: string): Problem {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(res.body);
  expect(p.code).toBe(code);
  expect(p.requestId).toBe(res.headers.get('x-request-id'));
  return p;
}

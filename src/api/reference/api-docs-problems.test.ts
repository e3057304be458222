import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BadRequestError,
  ConflictError,
  codeForStatus,
  ForbiddenError,
  GoneError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../../errors.ts';
import { problemAnchor, problemCodes } from './api-docs-problems.ts';
import { IdempotencyConflictError } from '../idempotency.ts';
import { PreconditionFailedError, PreconditionRequiredError } from '../preconditions.ts';

const listed = new Map(problemCodes.map((problem) => [problem.code, problem.status]));

test('every code the API gives for a status has its entry, with that status', () => {
  for (let status = 400; status <= 599; status++) {
    const code = codeForStatus(status);
    if (/^HTTP_\d{3}$/.test(code)) continue;
    assert.ok(listed.has(code), `${code} (${status}) is not explained on /api/docs`);
    if (code !== 'INTERNAL_ERROR') assert.equal(listed.get(code), status, code);
  }
});

test("every error a service or the API's hooks throw has its entry, with its status", () => {
  const thrown = [
    new BadRequestError('x'),
    new UnauthorizedError('x'),
    new ForbiddenError('x'),
    new NotFoundError('x'),
    new GoneError('x'),
    new ConflictError('x'),
    new ValidationError('x'),
    new RateLimitedError('x'),
    new PreconditionFailedError('x'),
    new PreconditionRequiredError('x'),
    new IdempotencyConflictError('x'),
  ];
  for (const error of thrown) assert.equal(listed.get(error.code), error.status, error.code);
  assert.equal(listed.get('INVALID_JSON'), 400);
});

test('each code is explained once, under an anchor of its own', () => {
  const anchors = problemCodes.map(({ code }) => problemAnchor(code));
  assert.equal(new Set(anchors).size, problemCodes.length);
  assert.equal(problemAnchor('VALIDATION_FAILED'), 'problem-validation_failed');
  assert.ok(problemCodes.every(({ explanation }) => explanation.length > 20));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, isPasswordCorrect, passwordProblem } from './passwords.ts';

test('short, common and personal passwords are refused with a reason', () => {
  assert.match(passwordProblem('short') ?? '', /at least 12 characters/);
  assert.match(passwordProblem('password1234') ?? '', /too common/);
  assert.match(passwordProblem('qwertyuiop123') ?? '', /too common/);
  assert.match(passwordProblem('minaparkminapark', ['Mina Park', 'minapark@example.org']) ?? '', /too common/);
  assert.match(passwordProblem('x'.repeat(300)) ?? '', /at most 256/);
  assert.equal(passwordProblem('harbour lantern violet ninety'), undefined);
});

test('passwords are stored as argon2id hashes and checked against them', async () => {
  const hash = await hashPassword('harbour lantern violet ninety');
  assert.match(hash, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  assert.equal(await isPasswordCorrect(hash, 'harbour lantern violet ninety'), true);
  assert.equal(await isPasswordCorrect(hash, 'harbour lantern violet ninetY'), false);
  assert.equal(await isPasswordCorrect('not a hash', 'anything'), false);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceIn } from '../errors.ts';
import { hashPassword, isPasswordCorrect, passwordProblem } from './passwords.ts';

const problemOf = (password: string, personalWords?: string[]) => {
  const problem = passwordProblem(password, personalWords);
  return problem ? sentenceIn(problem) : '';
};

test('short, common and personal passwords are refused with a reason', () => {
  assert.match(problemOf('short'), /at least 12 characters/);
  assert.match(problemOf('password1234'), /too common/);
  assert.match(problemOf('qwertyuiop123'), /too common/);
  assert.match(problemOf('minaparkminapark', ['Mina Park', 'minapark@example.org']), /too common/);
  assert.match(problemOf('x'.repeat(300)), /at most 256/);
  assert.equal(passwordProblem('harbour lantern violet ninety'), undefined);
});

test('passwords are stored as argon2id hashes and checked against them', async () => {
  const hash = await hashPassword('harbour lantern violet ninety');
  assert.match(hash, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  assert.equal(await isPasswordCorrect(hash, 'harbour lantern violet ninety'), true);
  assert.equal(await isPasswordCorrect(hash, 'harbour lantern violet ninetY'), false);
  assert.equal(await isPasswordCorrect('not a hash', 'anything'), false);
});

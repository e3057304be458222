import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import {
  addCodeTry,
  claimTotpStep,
  consumeOneTimeToken,
  deleteOneTimeTokensOf,
  findOneTimeToken,
  insertOneTimeToken,
  insertUser,
  setTotpSecret,
} from './accounts.queries.ts';

const t0 = new Date('2026-12-01T09:00:00.000Z');
const hourLater = new Date(t0.getTime() + 60 * 60_000);

forEachDialect('account queries for one-time links and two-step codes', (dialect) => {
  let database: DatabaseHandle;
  let kim: { id: number; email: string };
  let other: { id: number; email: string };
  const link = (tokenHash: string, purpose: 'invite' | 'reset' | 'second-step', owner: { id: number; email: string } | null, email: string | null = null) =>
    insertOneTimeToken(database.db, {
      tokenHash,
      purpose,
      userId: owner?.id ?? null,
      email,
      role: purpose === 'invite' ? 'editor' : null,
      createdBy: null,
      createdAt: t0,
      expiresAt: hourLater,
    });

  before(async () => {
    database = await createTestDatabase(dialect);
    kim = { id: await insertUser(database.db, { email: 'kim@example.org', name: 'Kim', role: 'editor', passwordHash: 'x' }, t0), email: 'kim@example.org' };
    other = { id: await insertUser(database.db, { email: 'lee@example.org', name: 'Lee', role: 'author', passwordHash: 'x' }, t0), email: 'lee@example.org' };
  });
  after(() => database.destroy());

  test('a time-step is claimed once; an earlier one never after it; a new secret starts from its own step', async () => {
    await setTotpSecret(database.db, kim.id, 'A'.repeat(32), null);
    assert.equal(await claimTotpStep(database.db, kim.id, 1000), true);
    assert.equal(await claimTotpStep(database.db, kim.id, 1000), false);
    assert.equal(await claimTotpStep(database.db, kim.id, 999), false);
    assert.equal(await claimTotpStep(database.db, kim.id, 1001), true);
    const racing = await Promise.all([claimTotpStep(database.db, kim.id, 1002), claimTotpStep(database.db, kim.id, 1002)]);
    assert.deepEqual(racing.sort(), [false, true]);
    await setTotpSecret(database.db, kim.id, 'B'.repeat(32), 1005);
    assert.equal(await claimTotpStep(database.db, kim.id, 1005), false, 'the code that proved the new secret is spent');
    assert.equal(await claimTotpStep(database.db, kim.id, 1006), true);
  });

  test('code tries are counted per half-finished sign-in; a missing one counts 0', async () => {
    await link('challenge', 'second-step', kim);
    assert.deepEqual(await Promise.all([addCodeTry(database.db, 'challenge'), addCodeTry(database.db, 'challenge')]).then((tries) => tries.sort()), [1, 2]);
    assert.equal(await addCodeTry(database.db, 'no such challenge'), 0);
  });

  test('a link is spent once, and only while it is live and of its purpose', async () => {
    await link('reset-1', 'reset', kim, kim.email);
    assert.equal(await consumeOneTimeToken(database.db, 'reset-1', 'invite', t0), false);
    assert.equal(await consumeOneTimeToken(database.db, 'reset-1', 'reset', hourLater), false, 'expired');
    assert.equal(await consumeOneTimeToken(database.db, 'reset-1', 'reset', t0), true);
    assert.equal(await consumeOneTimeToken(database.db, 'reset-1', 'reset', t0), false);
  });

  test("an account's links go together: resets, half-finished sign-ins and invitations to its email; nobody else's", async () => {
    await link('kim-reset', 'reset', kim, kim.email);
    await link('kim-second-step', 'second-step', kim);
    await link('kim-invitation', 'invite', null, kim.email);
    await link('lee-reset', 'reset', other, other.email);
    await link('lee-invitation', 'invite', null, other.email);
    await deleteOneTimeTokensOf(database.db, kim);
    for (const [hash, purpose] of [
      ['kim-reset', 'reset'],
      ['kim-second-step', 'second-step'],
      ['kim-invitation', 'invite'],
    ] as const) {
      assert.equal(await findOneTimeToken(database.db, hash, purpose, t0), undefined, hash);
    }
    assert.ok(await findOneTimeToken(database.db, 'lee-reset', 'reset', t0));
    assert.ok(await findOneTimeToken(database.db, 'lee-invitation', 'invite', t0));
  });
});

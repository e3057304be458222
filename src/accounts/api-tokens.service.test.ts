import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import type { User } from './accounts.queries.ts';
import {
  apiTokenExpiryFromDay,
  apiTokenVia,
  authenticateApiToken,
  createApiToken,
  createApiTokenForEmail,
  listAllApiTokens,
  listApiTokensOf,
  revokeApiToken,
} from './api-tokens.service.ts';
import type { Role } from './roles.ts';

const t0 = new Date('2026-12-08T10:00:00.000Z');
const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
const meta = { ip: '203.0.113.7', userAgent: 'test' };

/** The field problems of a refused input, in English. */
async function refusal(attempt: Promise<unknown>): Promise<Readonly<Record<string, string>>> {
  const error = await attempt.then(
    () => assert.fail('accepted'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ValidationError, String(error));
  return error.fields;
}

describe('an expiry day', () => {
  test('is the midnight after it, in the newsroom’s time zone; empty is none; anything else is an invalid date', () => {
    assert.equal(apiTokenExpiryFromDay('2027-01-31', 'UTC')?.toISOString(), '2027-02-01T00:00:00.000Z');
    assert.equal(apiTokenExpiryFromDay(' 2027-01-31 ', 'Asia/Seoul')?.toISOString(), '2027-01-31T15:00:00.000Z');
    assert.equal(apiTokenExpiryFromDay('2027-12-31', 'America/New_York')?.toISOString(), '2028-01-01T05:00:00.000Z');
    assert.equal(apiTokenExpiryFromDay('', 'UTC'), null);
    assert.equal(apiTokenExpiryFromDay('   ', 'UTC'), null);
    for (const bad of ['2027-02-30', '2027-13-01', '2027-00-10', '31/01/2027', '2027-1-5', 'tomorrow', '2027-01-31T10:00', '0000-01-01']) {
      assert.ok(Number.isNaN(apiTokenExpiryFromDay(bad, 'UTC')?.getTime()), bad);
    }
  });
});

forEachDialect('personal access tokens', (dialect) => {
  let database: DatabaseHandle;
  let now = t0;
  const deps = () => ({ db: database.db, clock: { now: () => now } });
  let accounts = 0;
  const member = async (name: string, role: Role): Promise<User> => {
    const email = `staff${++accounts}@example.org`;
    return { id: await insertTestUser(database.db, { email, name, role }, t0), email, name, role };
  };
  const stored = (id: number) => database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (action: string) =>
    (await database.db.selectFrom('audit_log').select(['subject', 'actor_user_id']).where('action', '=', action).orderBy('id').execute()).map(
      (row) => [row.subject, row.actor_user_id] as const,
    );

  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('a new token is gzt_ and 32 random bytes, shown once: only its SHA-256 is stored, and its making is audited', async () => {
    now = t0;
    const ana = await member('Ana Costa', 'editor');
    const { token, secret } = await createApiToken(deps(), ana, { name: '  Deploy script  ', expiresAt: null }, meta);
    assert.match(secret, /^gzt_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(token, { id: token.id, userId: ana.id, ownerName: 'Ana Costa', name: 'Deploy script', createdAt: t0, expiresAt: null, lastUsedAt: null });
    const row = await stored(token.id);
    assert.equal(row.token_hash, createHash('sha256').update(secret).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(secret.slice(4)), 'the secret itself is nowhere in the row');
    const other = await createApiToken(deps(), ana, { name: 'Deploy script' }, meta);
    assert.notEqual(other.secret, secret, 'two tokens of the same name differ');
    assert.deepEqual((await auditOf('token.created')).slice(0, 1), [[`"Deploy script" for ${ana.email}`, ana.id]]);
  });

  test('a working token authenticates as its owner, with their role; last use is written at most about once a minute', async () => {
    now = t0;
    const ben = await member('Ben Okafor', 'author');
    const { token, secret } = await createApiToken(deps(), ben, { name: 'Wire importer', expiresAt: seconds(3600) }, meta);
    assert.deepEqual(await authenticateApiToken(deps(), secret), { user: ben, token: { id: token.id, name: 'Wire importer' } });
    assert.equal(new Date((await stored(token.id)).last_used_at!).getTime(), t0.getTime());
    now = seconds(30);
    assert.ok(await authenticateApiToken(deps(), secret));
    assert.equal(new Date((await stored(token.id)).last_used_at!).getTime(), t0.getTime(), 'not written again within the minute');
    now = seconds(61);
    assert.ok(await authenticateApiToken(deps(), secret));
    assert.equal(new Date((await stored(token.id)).last_used_at!).getTime(), seconds(61).getTime());
    assert.equal((await listApiTokensOf(deps(), ben.id))[0]?.lastUsedAt?.getTime(), seconds(61).getTime());
  });

  test('revoked, expired, made-up and malformed tokens, and a deleted member’s, authenticate nobody', async () => {
    now = t0;
    const cara = await member('Cara Diaz', 'admin');
    const revoked = await createApiToken(deps(), cara, { name: 'Old laptop' }, meta);
    await revokeApiToken(deps(), cara, revoked.token.id, meta);
    assert.equal(await authenticateApiToken(deps(), revoked.secret), undefined);

    const expiring = await createApiToken(deps(), cara, { name: 'Short-lived', expiresAt: seconds(60) }, meta);
    assert.ok(await authenticateApiToken(deps(), expiring.secret));
    now = seconds(60);
    assert.equal(await authenticateApiToken(deps(), expiring.secret), undefined, 'expired at the moment it expires');
    now = t0;

    const working = await createApiToken(deps(), cara, { name: 'Working' }, meta);
    const last = working.secret.at(-1) === 'A' ? 'B' : 'A';
    const lookalikes = [
      `${working.secret.slice(0, -1)}${last}`,
      working.secret.slice(4),
      `${working.secret}x`,
      `Bearer ${working.secret}`,
      createHash('sha256').update(working.secret).digest('hex'),
      '',
      'gzt_',
      "gzt_' OR 1=1 --",
    ];
    for (const secret of lookalikes) assert.equal(await authenticateApiToken(deps(), secret), undefined, secret);

    const leaving = await member('Dev Leaving', 'editor');
    const orphan = await createApiToken(deps(), leaving, { name: 'Left behind' }, meta);
    assert.ok(await authenticateApiToken(deps(), orphan.secret));
    await database.db.deleteFrom('users').where('id', '=', leaving.id).execute();
    assert.equal(await authenticateApiToken(deps(), orphan.secret), undefined);
    assert.equal(
      await database.db.selectFrom('api_tokens').select('id').where('id', '=', orphan.token.id).executeTakeFirst(),
      undefined,
      'gone with the account',
    );
    assert.ok(await authenticateApiToken(deps(), working.secret), 'the real one still works');
  });

  test('names and expiries are checked, each field with its own reason', async () => {
    now = t0;
    const eve = await member('Eve Park', 'contributor');
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: '   ' }, meta)), {
      name: 'Give the token a name, such as the script or service that will use it.',
    });
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: 'x'.repeat(101) }, meta)), { name: 'Keep the name to 100 characters or fewer.' });
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: 'bell\u0007ring' }, meta)), { name: 'The name cannot contain control characters.' });
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: 'a\nb' }, meta)), { name: 'The name cannot contain control characters.' });
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: '', expiresAt: seconds(-1) }, meta)), {
      name: 'Give the token a name, such as the script or service that will use it.',
      expiresAt: 'Choose an expiry date from today on.',
    });
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: 'ok', expiresAt: t0 }, meta)), { expiresAt: 'Choose an expiry date from today on.' });
    assert.deepEqual(await refusal(createApiToken(deps(), eve, { name: 'ok', expiresAt: new Date(Number.NaN) }, meta)), {
      expiresAt: 'Enter the expiry as a date like 2027-01-31, or leave it empty.',
    });
    assert.deepEqual(await listApiTokensOf(deps(), eve.id), [], 'nothing refused was stored');
    const longest = await createApiToken(deps(), eve, { name: 'é'.repeat(100) }, meta);
    assert.equal(longest.token.name.length, 100);
  });

  test('one person holds at most 50 working tokens; expired and revoked ones do not count', async () => {
    now = t0;
    const busy = await member('Busy Bot', 'author');
    const first = await createApiToken(deps(), busy, { name: 'token 0', expiresAt: seconds(10) }, meta);
    for (let n = 1; n < 50; n++) await createApiToken(deps(), busy, { name: `token ${n}` }, meta);
    assert.match((await refusal(createApiToken(deps(), busy, { name: 'one more' }, meta))).name ?? '', /already have 50 working tokens/);
    now = seconds(10);
    assert.ok(await createApiToken(deps(), busy, { name: 'after one expired' }, meta));
    await revokeApiToken(deps(), busy, first.token.id, meta);
    assert.match((await refusal(createApiToken(deps(), busy, { name: 'still full' }, meta))).name ?? '', /50/);
    now = t0;
  });

  test('lists: one’s own not-yet-revoked tokens newest first; everyone’s with their owners’ names', async () => {
    now = t0;
    const fay = await member('Fay Lin', 'editor');
    const gus = await member('Gus Moe', 'author');
    const older = await createApiToken(deps(), fay, { name: 'Older', expiresAt: seconds(5) }, meta);
    now = seconds(10);
    const newer = await createApiToken(deps(), fay, { name: 'Newer' }, meta);
    const gone = await createApiToken(deps(), fay, { name: 'Revoked' }, meta);
    await revokeApiToken(deps(), fay, gone.token.id, meta);
    const gusToken = await createApiToken(deps(), gus, { name: 'Gus script' }, meta);
    const mine = await listApiTokensOf(deps(), fay.id);
    assert.deepEqual(
      mine.map((token) => [token.name, token.expiresAt?.toISOString() ?? null]),
      [
        ['Newer', null],
        ['Older', seconds(5).toISOString()],
      ],
      'an expired token is still listed (to tell it apart), a revoked one is not',
    );
    const everyone = await listAllApiTokens(deps());
    const ids = everyone.map((token) => token.id);
    assert.ok(ids.includes(older.token.id) && ids.includes(newer.token.id) && ids.includes(gusToken.token.id));
    assert.ok(!ids.includes(gone.token.id));
    assert.equal(everyone.find((token) => token.id === gusToken.token.id)?.ownerName, 'Gus Moe');
    now = t0;
  });

  test('revoking: one’s own, or anyone’s for an owner; an admin or editor cannot revoke someone else’s', async () => {
    now = t0;
    const owner = await member('Hana Owner', 'owner');
    const admin = await member('Ivo Admin', 'admin');
    const editor = await member('Jo Editor', 'editor');
    const editorsToken = await createApiToken(deps(), editor, { name: 'Jo’s script' }, meta);
    const ownersToken = await createApiToken(deps(), owner, { name: 'Hana’s script' }, meta);
    await assert.rejects(revokeApiToken(deps(), admin, editorsToken.token.id, meta), ForbiddenError);
    await assert.rejects(revokeApiToken(deps(), editor, ownersToken.token.id, meta), ForbiddenError);
    assert.ok(await authenticateApiToken(deps(), editorsToken.secret), 'a refused revoke changes nothing');

    const revoked = await revokeApiToken(deps(), owner, editorsToken.token.id, { ...meta, via: apiTokenVia(ownersToken.token) });
    assert.equal(revoked.name, 'Jo’s script');
    assert.equal(await authenticateApiToken(deps(), editorsToken.secret), undefined);
    await assert.rejects(revokeApiToken(deps(), owner, editorsToken.token.id, meta), NotFoundError, 'twice is not found');
    await assert.rejects(revokeApiToken(deps(), owner, 2_000_000_000, meta), NotFoundError);
    await revokeApiToken(deps(), owner, ownersToken.token.id, meta);
    assert.deepEqual((await auditOf('token.revoked')).slice(-2), [
      [`"Jo’s script" of ${editor.email} via API token Hana’s script`, owner.id],
      [`"Hana’s script" of ${owner.email}`, owner.id],
    ]);
  });

  test('at the command line a token is made for a member named by email; an unknown email is refused with the other problems', async () => {
    now = t0;
    const kim = await member('Kim Ha', 'author');
    const made = await createApiTokenForEmail(deps(), ` ${kim.email.toUpperCase()} `, { name: 'Cron' }, { ...meta, via: 'the command line' });
    assert.deepEqual(made.owner, kim);
    assert.deepEqual((await authenticateApiToken(deps(), made.secret))?.user, kim);
    assert.deepEqual(
      (await auditOf('token.created')).at(-1),
      [`"Cron" for ${kim.email} via the command line`, null],
      'made by whoever runs the command, not by Kim',
    );
    assert.deepEqual(await refusal(createApiTokenForEmail(deps(), 'nobody@example.org', { name: '' }, meta)), {
      email: 'There is no such team member.',
      name: 'Give the token a name, such as the script or service that will use it.',
    });
  });
});

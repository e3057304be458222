import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import {
  countOwners,
  countUsers,
  deleteSession,
  deleteSessionsOfUser,
  findSessionUser,
  findTotpSecret,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  listSessions,
  listUsers,
  setTotpSecret,
  touchSession,
  updatePasswordHash,
  updateUserRole,
} from './accounts.queries.ts';

const t0 = new Date('2026-12-01T09:00:00.000Z');
const hours = (n: number) => new Date(t0.getTime() + n * 3_600_000);

forEachDialect('team and session queries', (dialect) => {
  let database: DatabaseHandle;
  let ana: number;
  let ben: number;

  const session = (id: string, userId: number, lastSeenAt: Date, expiresAt = hours(24)) =>
    insertSession(database.db, { id, userId, createdAt: t0, lastSeenAt, expiresAt, userAgent: 'Firefox', ip: '203.0.113.9' });

  before(async () => {
    database = await createTestDatabase(dialect);
    ben = await insertUser(database.db, { email: 'ben@example.org', name: 'Ben', role: 'owner', passwordHash: 'hash-b' }, t0);
    ana = await insertUser(database.db, { email: 'ana@example.org', name: 'Ana', role: 'author', passwordHash: 'hash-a' }, hours(1));
  });
  after(() => database.destroy());

  test('the team is listed by name with when each joined; roles, passwords and two-step secrets change per person', async () => {
    const team = await listUsers(database.db);
    assert.deepEqual(
      team.map((member) => [member.name, member.role, member.createdAt.getTime()]),
      [
        ['Ana', 'author', hours(1).getTime()],
        ['Ben', 'owner', t0.getTime()],
      ],
    );
    assert.equal(await countUsers(database.db), 2);
    assert.equal(await countOwners(database.db), 1);
    await updateUserRole(database.db, ana, 'editor');
    assert.deepEqual(await findUserById(database.db, ana), { id: ana, email: 'ana@example.org', name: 'Ana', role: 'editor' });
    assert.equal(await findUserById(database.db, 999_999), undefined);
    await updatePasswordHash(database.db, ana, 'hash-new');
    assert.equal((await findUserByEmail(database.db, 'ana@example.org'))?.passwordHash, 'hash-new');
    assert.equal(await findTotpSecret(database.db, ana), null);
    await setTotpSecret(database.db, ana, 'S'.repeat(32), 7);
    assert.equal(await findTotpSecret(database.db, ana), 'S'.repeat(32));
  });

  test('sessions: live ones listed newest first with dates; touched, ended one by one or all but the current', async () => {
    await session('ana-laptop', ana, hours(1));
    await session('ana-phone', ana, hours(3));
    await session('ana-expired', ana, hours(2), hours(4));
    await session('ben-laptop', ben, hours(1));
    const live = await listSessions(database.db, ana, hours(5));
    assert.deepEqual(
      live.map((item) => item.id),
      ['ana-phone', 'ana-laptop'],
    );
    assert.ok(live[0]!.lastSeenAt instanceof Date && live[0]!.expiresAt.getTime() === hours(24).getTime());
    assert.deepEqual((await findSessionUser(database.db, 'ana-laptop', hours(5)))?.user.name, 'Ana');
    assert.equal(await findSessionUser(database.db, 'ana-expired', hours(5)), undefined);
    await touchSession(database.db, 'ana-laptop', hours(6), hours(30));
    assert.deepEqual(
      (await listSessions(database.db, ana, hours(6))).map((item) => item.id),
      ['ana-laptop', 'ana-phone'],
    );
    await deleteSessionsOfUser(database.db, ana, 'ana-phone');
    assert.deepEqual(
      (await listSessions(database.db, ana, t0)).map((item) => item.id),
      ['ana-phone'],
    );
    await deleteSession(database.db, 'ana-phone');
    await deleteSessionsOfUser(database.db, ben);
    assert.deepEqual([...(await listSessions(database.db, ana, t0)), ...(await listSessions(database.db, ben, t0))], []);
  });
});

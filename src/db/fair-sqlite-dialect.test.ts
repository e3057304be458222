import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { type Generated, Kysely, sql } from 'kysely';
import { FairSqliteDialect } from './fair-sqlite-dialect.ts';

function openDatabase() {
  return new Kysely<{ notes: { id: Generated<number>; text: string } }>({ dialect: new FairSqliteDialect({ database: new SQLite(':memory:') }) });
}

test('queries waiting for the connection get it in the order they asked, after a transaction that held it', async () => {
  const db = openDatabase();
  await sql`create table notes (id integer primary key, text text not null)`.execute(db);
  const order: string[] = [];
  let finishTransaction!: () => void;
  const held = new Promise<void>((resolve) => (finishTransaction = resolve));
  const transaction = db.transaction().execute(async (trx) => {
    await trx.insertInto('notes').values({ text: 'in the transaction' }).execute();
    await held;
    order.push('transaction');
  });
  await new Promise((resolve) => setImmediate(resolve));
  const waiting = ['first', 'second', 'third'].map((name) =>
    db
      .selectFrom('notes')
      .select('text')
      .execute()
      .then((rows) => {
        order.push(name);
        return rows;
      }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, [], 'nobody takes the connection from the transaction');
  finishTransaction();
  await transaction;
  const answers = await Promise.all(waiting);
  assert.deepEqual(order, ['transaction', 'first', 'second', 'third']);
  assert.deepEqual(answers[0], [{ text: 'in the transaction' }], 'they see what it committed');
  await db.destroy();
});

test('a failing query hands the connection on; 64 at once all get their answer', async () => {
  const db = openDatabase();
  await sql`create table notes (id integer primary key, text text not null)`.execute(db);
  await assert.rejects(sql`select * from no_such_table`.execute(db), /no such table/);
  const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => sql<{ n: number }>`select ${i} as n`.execute(db)));
  assert.deepEqual(
    answers.map((answer) => answer.rows[0]?.n),
    Array.from({ length: 64 }, (_, i) => i),
  );
  await db.destroy();
});

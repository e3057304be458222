import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The one form staff emails are kept in from now on; a copy, so later changes in the app never reach this file. */
function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? sql`timestamptz` : sql`text`;

  // The last TOTP time-step that signed the account in, so no code is accepted twice.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  // Wrong codes given on one half-finished two-step sign-in.
  await db.schema
    .alterTable('one_time_tokens')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Failed sign-ins, counted under a hashed key (an email from one address, one address, one account's codes).
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_throttles_last_failed_idx').on('sign_in_throttles').column('last_failed_at').execute();

  // Emails stored before lookalike characters were folded. One whose folded form is taken stays as it was.
  const users: { id: number; email: string }[] = await db.selectFrom('users').select(['id', 'email']).execute();
  const taken = new Set(users.map((user) => user.email));
  for (const user of users) {
    const email = normaliseEmail(user.email);
    if (email === user.email || taken.has(email)) continue;
    await db.updateTable('users').set({ email }).where('id', '=', user.id).execute();
    taken.add(email);
  }
  const invitations: { token_hash: string; email: string }[] = await db
    .selectFrom('one_time_tokens')
    .select(['token_hash', 'email'])
    .where('email', 'is not', null)
    .execute();
  for (const invitation of invitations) {
    const email = normaliseEmail(invitation.email);
    if (email !== invitation.email) await db.updateTable('one_time_tokens').set({ email }).where('token_hash', '=', invitation.token_hash).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttles').execute();
  await db.schema.alterTable('one_time_tokens').dropColumn('attempts').execute();
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}

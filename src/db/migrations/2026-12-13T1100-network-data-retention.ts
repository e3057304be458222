import { type Kysely, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// The hourly retention pass forgets commenters' IP addresses and browser names past the policy's period.
// It read every comment to find them, and erased them all in one statement: on ten million imported
// comments, minutes holding millions of rows. This index holds only the comments that still have either,
// by time, so the pass finds a batch at a time by reading just those (a few weeks of comments once the
// backlog is erased).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_network_data_idx')
    .on('comments')
    .column('created_at')
    .where(sql.raw<boolean>('ip_address is not null or user_agent is not null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_network_data_idx').execute();
}

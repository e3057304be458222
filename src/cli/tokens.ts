import { parseArgs } from 'node:util';
import { apiTokenExpiryFromDay, createApiTokenForEmail } from '../accounts/index.ts';
import { loadConfig } from '../config.ts';
import { connectFromConfig } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ValidationError } from '../errors.ts';
import { systemClock } from '../platform/clock.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { SettingsStore } from '../settings/index.ts';
import { CommandError } from './command-error.ts';

/** What the audit log records as the address of a change made at this machine's command line, and how it came. */
const commandLine = { ip: 'command line', userAgent: 'npx gazette', via: 'the command line' } as const;

const example = 'npx gazette tokens create --email E --name N [--expires YYYY-MM-DD]';

/** The option a field's problem is about, as the person typed it. */
const optionOf: Readonly<Record<string, string>> = { email: 'email', name: 'name', expiresAt: 'expires' };

/**
 * `npx gazette tokens create --email E --name N [--expires YYYY-MM-DD]`: a personal access token for
 * the Admin API, acting as that member. Prints what it did, then the token alone on the last line (so
 * `… | tail -n 1` captures it); it is shown this once. The expiry day is read in the newsroom's time zone.
 */
export async function tokensCommand(args: readonly string[]): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'create') throw new CommandError(`Unknown tokens command: ${subcommand ?? '(none)'}. Try: ${example}`);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
    strict: true,
  });
  const missing = (['email', 'name'] as const).filter((option) => !values[option]);
  if (missing.length > 0) throw new CommandError(`Give ${missing.map((option) => `--${option}`).join(', ')}: ${example}`);
  const config = loadConfig();
  const database = connectFromConfig(config);
  try {
    await migrateToLatest(database.db);
    const { timeZone } = (await SettingsStore.load(database.db, new ContentChanges())).current();
    const expiresAt = values.expires === undefined ? null : apiTokenExpiryFromDay(values.expires, timeZone);
    const { owner, token, secret } = await createApiTokenForEmail(
      { db: database.db, clock: systemClock },
      values.email!,
      { name: values.name!, expiresAt },
      commandLine,
    );
    const expiry = token.expiresAt ? `; it stops working at ${token.expiresAt.toISOString()} (the end of ${values.expires}, ${timeZone})` : '';
    console.log(`Created the API token "${token.name}" for ${owner.name} <${owner.email}> (${owner.role})${expiry}.`);
    console.log('It is shown only this once: keep it somewhere safe. Send it as "Authorization: Bearer <token>".');
    console.log(secret);
  } catch (error) {
    if (error instanceof ValidationError) {
      const problems = Object.entries(error.fields).map(([field, problem]) => `--${optionOf[field] ?? field}: ${problem}`);
      throw new CommandError(`${error.message} ${problems.join(' ')}`.trim());
    }
    throw error;
  } finally {
    await database.destroy();
  }
}

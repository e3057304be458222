import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { addMember } from '../accounts/index.ts';
import { loadConfig } from '../config.ts';
import { connectFromConfig } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ValidationError } from '../errors.ts';
import { systemClock } from '../platform/clock.ts';
import { CommandError } from './command-error.ts';

/** What the audit log records as the address of a change made at this machine's command line. */
const commandLine = { ip: 'command line', userAgent: 'npx gazette' } as const;

/** The password on standard input: its first line, so `echo … |` and a file with a final newline both work. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CommandError('--password-stdin reads the password from standard input; pipe it in, e.g. from a password manager.');
  const [firstLine = ''] = (await text(process.stdin)).split(/\r?\n/);
  if (firstLine === '') throw new CommandError('Standard input held no password.');
  return firstLine;
}

/**
 * `npx gazette users add --email E --name N --role R [--password-stdin]`: a newsroom member made at the
 * command line. Prints a one-time link to choose the password (7 days), or with --password-stdin sets
 * the one read from standard input.
 */
export async function usersCommand(args: readonly string[]): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'add') throw new CommandError(`Unknown users command: ${subcommand ?? '(none)'}. Try: npx gazette users add --email E --name N --role R`);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    strict: true,
  });
  const missing = (['email', 'name', 'role'] as const).filter((option) => !values[option]);
  if (missing.length > 0)
    throw new CommandError(`Give ${missing.map((option) => `--${option}`).join(', ')}: npx gazette users add --email E --name N --role R`);
  const password = values['password-stdin'] ? await passwordFromStdin() : undefined;
  const config = loadConfig();
  const database = connectFromConfig(config);
  try {
    await migrateToLatest(database.db);
    const added = await addMember(
      { db: database.db, clock: systemClock },
      { email: values.email!, name: values.name!, role: values.role!, ...(password === undefined ? {} : { password }) },
      commandLine,
    );
    console.log(`Added ${added.user.name} <${added.user.email}> as ${added.user.role}.`);
    if (added.setPasswordToken) {
      console.log(`They choose their password within 7 days at this one-time link:\n${config.publicUrl}/admin/reset/new?token=${added.setPasswordToken}`);
    }
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new CommandError(
        `${error.message} ${Object.entries(error.fields)
          .map(([field, problem]) => `--${field === 'passwordAgain' ? 'password' : field}: ${problem}`)
          .join(' ')}`.trim(),
      );
    }
    throw error;
  } finally {
    await database.destroy();
  }
}

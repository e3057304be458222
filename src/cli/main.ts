import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { connectFromConfig, type DialectName } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import {
  DisqusFormatError,
  GhostExportError,
  exportGazette,
  GazetteExportError,
  type ImportDeps,
  type ImportReport,
  importDisqus,
  importGazette,
  importGhost,
  importWordPress,
  WxrFormatError,
} from '../imports/index.ts';
import { openMediaFiles, OriginalsStoreError } from '../media/index.ts';
import { broadcastChangesOverPostgres, type WarningLog } from '../platform/change-broadcast.postgres.ts';
import { purgeChangedContent } from '../platform/purges.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { systemClock } from '../platform/clock.ts';
import { CommandError } from './command-error.ts';
import { terminalProgress } from './progress.ts';
import { tokensCommand } from './tokens.ts';
import { usersCommand } from './users.ts';

const usage = `Usage: npx gazette <command>

Commands:
  import wordpress <export.xml> [--uploads <dir>] [--dry-run]
      Bring in a WordPress export (Tools › Export › All content, WXR 1.1 or 1.2).
      --uploads   a copy of the site's wp-content/uploads folder, for the photos
      --category-base, --tag-base   the old site's permalink bases, if not "category" and "tag"
  import ghost <export.json> [--images <dir>] [--dry-run]
      Bring in a Ghost 5 export (Settings › Labs › Export).
      --images    a copy of the site's content/images folder, for the photos
  import disqus <export.xml> [--dry-run]
      Bring in comments from a Disqus export, matched to articles by their addresses (old ones too).
  import gazette <dir>
      Bring a Gazette export into an EMPTY database (e.g. when moving from SQLite to PostgreSQL).
  export <dir>
      Write everything the newsroom holds to a new folder: JSON Lines per table, media originals,
      manifest.json. Passwords, sessions and secrets are left out. See docs/operations.md.
  users add --email <email> --name <name> --role <role> [--password-stdin]
      Add a newsroom member (owner, admin, editor, author or contributor). Prints a one-time link
      (7 days) where they choose their password, or sets the first line of standard input as it.
  tokens create --email <email> --name <name> [--expires YYYY-MM-DD]
      Make a personal access token for the Admin API, acting as that member with their role. Prints
      it alone on the last line, this once; --expires: the last day it works (newsroom's time zone).

Settings come from the same environment as the server: GAZETTE_DATA_DIR, DATABASE_URL.`;

/** The broadcast's rare warnings go to stderr, apart from the report on stdout. */
const quietLog: WarningLog = {
  warn: (details, message) => console.error(`gazette: ${message ?? String(details)}`),
};

async function readableFile(path: string | undefined, what: string): Promise<string> {
  if (!path) throw new CommandError(`Name the ${what} to import.\n\n${usage}`);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CommandError(`${path} is not a file.`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'permission denied'}.`);
  }
  return path;
}

async function readableFolder(path: string, what: string): Promise<string> {
  try {
    if (!(await stat(path)).isDirectory()) throw new Error();
  } catch {
    throw new CommandError(`${what} ${path} is not a folder this command can read.`);
  }
  return path;
}

async function importWordPressCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'category-base': { type: 'string', multiple: true },
      'tag-base': { type: 'string', multiple: true },
    },
  });
  if (positionals.length > 1) throw new CommandError(`One export file at a time; got ${positionals.length}.\n\n${usage}`);
  const file = await readableFile(positionals[0], 'WordPress export file');
  const uploadsDir = values.uploads === undefined ? undefined : await readableFolder(values.uploads, 'The uploads folder');
  await withImportDeps((deps) =>
    importWordPress(deps, {
      open: () => createReadStream(file),
      progress: terminalProgress(),
      dryRun: values['dry-run'],
      ...(uploadsDir ? { uploadsDir } : {}),
      ...(values['category-base'] ? { categoryBases: values['category-base'] } : {}),
      ...(values['tag-base'] ? { tagBases: values['tag-base'] } : {}),
    }),
  );
}

async function importGhostCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { images: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) throw new CommandError(`One export file at a time; got ${positionals.length}.\n\n${usage}`);
  const file = await readableFile(positionals[0], 'Ghost export file');
  const imagesDir = values.images === undefined ? undefined : await readableFolder(values.images, 'The images folder');
  await withImportDeps((deps) =>
    importGhost(deps, { open: () => createReadStream(file), progress: terminalProgress(), dryRun: values['dry-run'], ...(imagesDir ? { imagesDir } : {}) }),
  );
}

async function importDisqusCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  if (positionals.length > 1) throw new CommandError(`One export file at a time; got ${positionals.length}.\n\n${usage}`);
  const file = await readableFile(positionals[0], 'Disqus export file');
  await withImportDeps((deps) => importDisqus(deps, { open: () => createReadStream(file), progress: terminalProgress(), dryRun: values['dry-run'] }));
}

function oneFolder(args: string[], what: string): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1 || !positionals[0]) throw new CommandError(`Name one ${what}.\n\n${usage}`);
  return positionals[0];
}

async function importGazetteCommand(args: string[]): Promise<void> {
  const dir = await readableFolder(oneFolder(args, 'export folder'), 'The export folder');
  await withImportDeps((deps, dialect) => importGazette(deps, dir, { progress: terminalProgress(), dialect }));
}

async function exportCommand(args: string[]): Promise<void> {
  const dir = oneFolder(args, 'folder to export into');
  await withImportDeps(async (deps) => {
    const summary = await exportGazette(deps, dir, terminalProgress());
    return { toText: () => summary.toText() };
  });
}

/** Opens the configured database (migrating it first), runs one import, prints its report, closes everything. */
async function withImportDeps(run: (deps: ImportDeps, dialect: DialectName) => Promise<Pick<ImportReport, 'toText'>>): Promise<void> {
  const config = loadConfig();
  const database = connectFromConfig(config);
  const changes = new ContentChanges();
  // Servers on the same PostgreSQL database drop the pages an import changes, as they do for each other.
  const stopBroadcast = config.databaseUrl ? await broadcastChangesOverPostgres(changes, config.databaseUrl, quietLog) : async () => {};
  // The cache in front hears of them from here: the servers purge only changes of their own.
  const purges = purgeChangedContent(changes, { ...config.purge, log: quietLog });
  try {
    await migrateToLatest(database.db);
    const files = await openMediaFiles(config.dataDir, config.mediaStore);
    await files.originals.check();
    const report = await run({ db: database.db, clock: systemClock, changes, files }, database.dialect);
    console.log(report.toText());
  } finally {
    await purges.stop();
    await stopBroadcast();
    await database.destroy();
  }
}

export async function runCommand(argv: readonly string[]): Promise<number> {
  const [command, kind, ...rest] = argv;
  try {
    if (command === 'import' && kind === 'wordpress') await importWordPressCommand(rest);
    else if (command === 'import' && kind === 'ghost') await importGhostCommand(rest);
    else if (command === 'import' && kind === 'disqus') await importDisqusCommand(rest);
    else if (command === 'import' && kind === 'gazette') await importGazetteCommand(rest);
    else if (command === 'export') await exportCommand(kind === undefined ? [] : [kind, ...rest]);
    else if (command === 'users') await usersCommand(kind === undefined ? [] : [kind, ...rest]);
    else if (command === 'tokens') await tokensCommand(kind === undefined ? [] : [kind, ...rest]);
    else if (command === undefined || command === 'help' || command === '--help' || command === '-h') console.log(usage);
    else throw new CommandError(`Unknown command: ${[command, kind].filter(Boolean).join(' ')}\n\n${usage}`);
    return 0;
  } catch (error) {
    if (
      error instanceof CommandError ||
      error instanceof WxrFormatError ||
      error instanceof DisqusFormatError ||
      error instanceof GhostExportError ||
      error instanceof GazetteExportError ||
      error instanceof ConfigError ||
      error instanceof OriginalsStoreError
    ) {
      console.error(`gazette: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`gazette: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
